import Jansson
import JSONRPC
import LanguageServerProtocol

/// What a request handler may use: it runs on a task of its own, apart from the message loop.
struct RequestContext: Sendable {
    let workspace: DatasetWorkspace
    let client: ClientFeatures
    let connection: Connection
    let log: ServerLog
}

typealias RequestHandler = @Sendable (RequestContext, JSONValue) async -> Result<JSONValue, ResponseError>

/// The requests the server answers once initialized, by method.
enum RequestHandlers {
    static func handler(for method: String) -> RequestHandler? {
        switch method {
        case "textDocument/diagnostic": typed(DocumentDiagnosticParams.self, DiagnosticRequests.document)
        case "workspace/diagnostic": typed(WorkspaceDiagnosticParams.self, DiagnosticRequests.workspace)
        case "textDocument/codeAction": typed(CodeActionParams.self, FeatureRequests.codeActions)
        case "textDocument/hover": typed(TextDocumentPositionParams.self, FeatureRequests.hover)
        case "textDocument/references": typed(ReferenceParams.self, FeatureRequests.references)
        case "textDocument/documentSymbol": typed(TextDocumentParams.self, FeatureRequests.documentSymbols)
        case "workspace/executeCommand": { context, params in await ServerCommands.execute(context, params) }
        case "datalint/check": { context, params in await ScriptingRequests.check(context, params) }
        case "datalint/stats": { context, params in await ScriptingRequests.stats(context, params) }
        default: nil
        }
    }

    /// Decodes the params into `Params` (answering -32602 when they do not fit) and encodes the result.
    private static func typed<Params: Decodable & Sendable, Output: Encodable & Sendable>(
        _ type: Params.Type, _ body: @escaping @Sendable (RequestContext, Params) async throws(ResponseError) -> Output
    ) -> RequestHandler {
        { context, raw in
            let params: Params
            do {
                params = try JSONValueDecoder().decode(Params.self, from: raw)
            } catch {
                return .failure(.invalidParams("invalid params: \(ProtocolErrors.describe(error))"))
            }
            let result: Output
            do throws(ResponseError) {
                result = try await body(context, params)
            } catch {
                return .failure(error)
            }
            do {
                return .success(try JSONValueEncoder().encode(result))
            } catch {
                return .failure(.internalError("cannot encode the result: \(error)"))
            }
        }
    }
}
