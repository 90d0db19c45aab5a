import JSONRPC
import LanguageServerProtocol

/// The pull model: `textDocument/diagnostic` and `workspace/diagnostic`.
enum DiagnosticRequests {
    static func document(_ context: RequestContext, _ params: DocumentDiagnosticParams) async throws(ResponseError)
        -> DocumentDiagnosticReport {
        let uri = params.textDocument.uri
        guard let (_, report) = await report(for: uri, previous: params.previousResultId, context) else {
            // Not open here: the client will send didOpen before it shows the document.
            return .full(resultId: "closed", items: [])
        }
        return report
    }

    static func workspace(_ context: RequestContext, _ params: WorkspaceDiagnosticParams) async throws(ResponseError)
        -> WorkspaceDiagnosticReport {
        let previous = Dictionary(params.previousResultIds.map { ($0.uri, $0.value) }) { $1 }
        var items: [WorkspaceDocumentDiagnosticReport] = []
        for uri in await context.workspace.openDocuments {
            if Task.isCancelled { throw .cancelled }
            guard let (version, report) = await report(for: uri, previous: previous[uri], context) else { continue }
            items.append(WorkspaceDocumentDiagnosticReport(uri: uri, version: version, report: report))
        }
        return WorkspaceDiagnosticReport(items: items)
    }

    /// The document's report, `unchanged` when its diagnostics hash to the id the client already has.
    private static func report(for uri: String, previous: String?, _ context: RequestContext) async
        -> (Int, DocumentDiagnosticReport)? {
        // An edit can arrive between analysing and reading; analyse again until the answer is for the text as it is.
        var current: (version: Int, items: [Diagnostic])?
        while current == nil, await context.workspace.version(of: uri) != nil, !Task.isCancelled {
            await context.workspace.analyze(uri)
            current = await context.workspace.diagnostics(for: uri)
        }
        guard let (version, items) = current else { return nil }
        var hasher = Hasher()
        hasher.combine(items)
        let resultId = "\(version)-\(UInt(bitPattern: hasher.finalize()))"
        return (version, previous == resultId ? .unchanged(resultId: resultId) : .full(resultId: resultId, items: items))
    }
}
