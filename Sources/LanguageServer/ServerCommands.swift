import Jansson
import JSONRPC
import LanguageServerProtocol

/// `workspace/executeCommand` commands.
enum ServerCommands {
    /// Applies every safe fix of a document (arguments: its URI) through `workspace/applyEdit`.
    static let fixAll = "datalint.fixAll"

    static func execute(_ context: RequestContext, _ params: JSONValue) async -> Result<JSONValue, ResponseError> {
        guard let command = params["command"]?.stringValue else { return .failure(.invalidParams("missing 'command'")) }
        switch command {
        case fixAll:
            guard let uri = params["arguments"]?[0]?.stringValue else {
                return .failure(.invalidParams("\(fixAll) takes the document URI as its argument"))
            }
            await context.workspace.analyze(uri)
            guard let document = await context.workspace.snapshot(of: uri) else {
                return .failure(.invalidParams("\(uri) is not open"))
            }
            let builder = CodeActionBuilder(uri: uri, version: document.version,
                                            conversion: await context.workspace.conversion(for: uri),
                                            supportsDocumentChanges: context.client.documentChanges)
            guard let action = builder.fixAll(document.diagnostics) else { return .success(.null) }
            guard context.client.appliesEdits else {
                return .failure(ResponseError(code: ResponseError.requestFailedCode,
                                              message: "the client cannot apply edits (workspace.applyEdit); use the source.fixAll.datalint code action"))
            }
            let edit = (try? JSONValueEncoder().encode(action.edit)) ?? .null
            let applied = await context.connection.send(request: "workspace/applyEdit",
                                                        .object(JSONObject([("label", .string(action.title)), ("edit", edit)])))
            return applied.map { $0["applied"] ?? .null }
        default:
            return .failure(.invalidParams("unknown command '\(command)' (known: \(fixAll))"))
        }
    }
}
