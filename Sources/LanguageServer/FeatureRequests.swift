import JSONRPC
import LanguageServerProtocol
import RecordScanner
import RecordTokens

/// Code actions, hover and the document outline.
enum FeatureRequests {
    static func codeActions(_ context: RequestContext, _ params: CodeActionParams) async throws(ResponseError) -> [CodeAction] {
        let uri = params.textDocument.uri
        await context.workspace.analyze(uri)
        guard let document = await context.workspace.snapshot(of: uri) else { return [] }
        let builder = CodeActionBuilder(uri: uri, version: document.version,
                                        conversion: await context.workspace.conversion(for: uri),
                                        supportsDocumentChanges: context.client.documentChanges)
        let only = params.context.only
        var actions: [CodeAction] = []
        if only == nil || only!.contains(where: { CodeActionKind.is(CodeActionBuilder.quickFix, within: $0) }) {
            // Clients may send a reversed range, or one far past the end: only existing lines are looked at.
            let first = max(0, min(params.range.start.line, params.range.end.line))
            let last = min(max(params.range.start.line, params.range.end.line), document.lines.count - 1)
            let diagnostics = first <= last ? (first...last).flatMap { document.diagnostics(onLine: $0) } : []
            actions += builder.quickFixes(for: diagnostics, in: params.range)
        }
        if let only, only.contains(where: { CodeActionKind.is(CodeActionBuilder.fixAll, within: $0) }),
           let fixAll = builder.fixAll(document.diagnostics) {
            actions.append(fixAll)
        }
        return actions
    }

    static func hover(_ context: RequestContext, _ params: TextDocumentPositionParams) async throws(ResponseError) -> Hover? {
        let uri = params.textDocument.uri
        guard let document = await context.workspace.snapshot(of: uri) else { return nil }
        let line = params.position.line
        guard line >= 0, line < document.lines.count, !document.lines.isTrailingEmptyLine(line) else { return nil }
        let content = document.lines.content(line)
        let summary = RecordSummary(content)
        guard summary.isValidJSON else { return nil }
        let characters = await context.workspace.positionEncoding == .utf8
            ? content.count : String(decoding: content, as: UTF8.self).utf16.count
        let end = Position(line: line, character: characters)
        var scanner = RecordScanner()
        let counter = RecordTokenCounter(tokenizer: await context.workspace.hoverTokenizer())
        var markdown = HoverText.markdown(for: summary, line: line, tokens: counter.count(scanner.scan(Array(content))),
                                          counter: counter)
        if let duplicates = DuplicateNeighbours(line: line, in: document).markdown { markdown += "\n\n" + duplicates }
        return Hover(contents: MarkupContent(markdown: markdown),
                     range: LanguageServerProtocol.Range(start: Position(line: line, character: 0), end: end))
    }

    static func documentSymbols(_ context: RequestContext, _ params: TextDocumentParams) async throws(ResponseError)
        -> DocumentSymbolResult {
        let uri = params.textDocument.uri
        await context.workspace.analyze(uri)
        guard let document = await context.workspace.snapshot(of: uri) else { return .hierarchical([]) }
        let utf8 = await context.workspace.positionEncoding == .utf8
        var symbols: [DocumentSymbol] = []
        for (line, analysis) in document.analyses.enumerated() {
            if line % 4096 == 0 && Task.isCancelled { throw .cancelled }
            guard let outline = analysis?.outline else { continue }
            let content = document.lines.content(line)
            let length = utf8 ? content.count : String(decoding: content, as: UTF8.self).utf16.count
            let range = LanguageServerProtocol.Range(start: Position(line: line, character: 0),
                                                     end: Position(line: line, character: length))
            symbols.append(DocumentSymbol(name: "\(line + 1): \(outline.name)", detail: outline.detail, kind: .object,
                                          range: range, selectionRange: range))
        }
        guard context.client.hierarchicalSymbols else {
            return .flat(symbols.map { SymbolInformation(name: $0.name, kind: $0.kind, location: Location(uri: uri, range: $0.range)) })
        }
        return .hierarchical(symbols)
    }
}

/// Code action kinds are dot-separated hierarchies: `source.fixAll` holds `source.fixAll.datalint`, while
/// `source.fix` holds nothing of it.
enum CodeActionKind {
    static func `is`(_ kind: String, within requested: String) -> Bool {
        kind == requested || kind.hasPrefix(requested + ".")
    }
}

enum HoverText {
    static func markdown(for summary: RecordSummary, line: Int, tokens: Int?, counter: RecordTokenCounter) -> String {
        var lines = ["**Record \(line + 1)** — \(summary.schema?.displayName ?? "unknown schema")"]
        if summary.turns > 0 {
            lines.append("")
            lines.append("\(summary.turns) turns: " + summary.roles.joined(separator: " → "))
        }
        lines.append("")
        if let tokens, !counter.isApproximate {
            let framing = summary.turns > 0 ? ", chat framing included" : ""
            lines.append("\(summary.characters) characters, \(tokens) tokens (\(counter.encoding.name)\(framing))")
        } else {
            lines.append("\(summary.characters) characters, ≈\(tokens ?? summary.approximateTokens) tokens "
                         + "(estimated: the \(counter.encoding.name) rank file is not installed)")
        }
        return lines.joined(separator: "\n")
    }
}
