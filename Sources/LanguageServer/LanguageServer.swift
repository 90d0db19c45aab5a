import Foundation
import Jansson
import JSONRPC
import LanguageServerProtocol

/// `datalint serve`: a language server for JSONL datasets over one JSON-RPC connection.
///
/// Messages are taken strictly in arrival order: document notifications are applied before the next message is
/// read, so every request sees the text the client had when it sent it. Requests run as tasks of their own
/// (cancellable with `$/cancelRequest`), so a slow one never holds up notifications for other documents.
public actor LanguageServer {
    let connection: Connection
    var phase = Phase.uninitialized
    var client = ClientFeatures()
    var workspace: DatasetWorkspace?
    var inflight: [RequestID: Task<Void, Never>] = [:]
    var analysisTasks: [String: Task<Void, Never>] = [:]
    /// Each document's background work, one task chain per lane (see `scheduleDeferred`).
    var deferredTasks: [DeferredKey: Task<Void, Never>] = [:]
    var deferredTickets: [DeferredKey: Int] = [:]
    /// The workspace folders (paths), and the index of the dataset files under them once it is open.
    var workspaceRoots: [String] = []
    var duplicateIndex: WorkspaceDuplicateIndex?
    var indexPath: String?
    var crossFileTickets: [String: Int] = [:]
    var trace = "off"
    var exitStatus: Int32?
    let log: ServerLog

    enum Phase {
        case uninitialized
        case running
        case shuttingDown
    }

    public init(connection: Connection) {
        self.connection = connection
        log = ServerLog(connection: connection)
    }

    /// Serves until `exit` (0 after `shutdown`, 1 without) or until the client closes the stream (1).
    public func run() async -> Int32 {
        connection.start()
        for await event in connection.events {
            switch event {
            case .problem(let text): log.warning(text)
            case .message(let message, let detached): await handle(message, detached: detached)
            }
            if let exitStatus { return exitStatus }
        }
        return phase == .shuttingDown ? 0 : 1
    }

    /// Only `didOpen` takes a detached text as bytes; every other message gets its strings back.
    private func handle(_ message: Message, detached: DetachedStrings) async {
        switch message {
        case .request(let id, let method, let params):
            traceMessage("request \(method) (\(id))")
            await handleRequest(id: id, method: method, params: detached.reattached(to: params))
        case .notification("textDocument/didOpen", let params) where phase == .running && !detached.isEmpty:
            traceMessage("notification textDocument/didOpen")
            if let workspace { await didOpen(params, detached: detached, workspace) }
        case .notification(let method, let params):
            traceMessage("notification \(method)")
            await handleNotification(method: method, params: detached.reattached(to: params))
        case .response, .errorResponse:
            log.warning("a response to a request the server never sent; ignored")
        }
    }

    // MARK: Requests

    private func handleRequest(id: RequestID, method: String, params: JSONValue?) async {
        switch (phase, method) {
        case (.uninitialized, "initialize"):
            connection.reply(to: id, decode(InitializeParams.self, params).flatMap(initialize))
        case (.uninitialized, _):
            connection.reply(to: id, .failure(.serverNotInitialized))
        case (_, "initialize"):
            connection.reply(to: id, .failure(.invalidRequest("initialize was already called")))
        case (.shuttingDown, _):
            connection.reply(to: id, .failure(.invalidRequest("the server is shutting down")))
        case (.running, "shutdown"):
            phase = .shuttingDown
            for task in inflight.values { task.cancel() }
            connection.reply(to: id, .success(.null))
        case (.running, _):
            guard let workspace, let handler = RequestHandlers.handler(for: method) else {
                connection.reply(to: id, .failure(.methodNotFound(method)))
                return
            }
            let context = RequestContext(workspace: workspace, client: client, connection: connection, log: log)
            inflight[id] = Task { [connection] in
                let outcome = await handler(context, params ?? .null)
                connection.reply(to: id, Task.isCancelled ? .failure(.cancelled) : outcome)
                self.finished(id)
            }
        }
    }

    private func finished(_ id: RequestID) { inflight[id] = nil }

    // MARK: Notifications

    private func handleNotification(method: String, params: JSONValue?) async {
        if method == "exit" {
            exitStatus = phase == .shuttingDown ? 0 : 1
            return
        }
        guard phase == .running, let workspace else {
            if phase == .uninitialized { log.warning("\(method) before initialize; ignored") }
            return
        }
        switch method {
        case "initialized": Task { await clientIsReady() }  // round trips to the client must not stall the loop
        case "textDocument/didOpen": await didOpen(params, workspace)
        case "textDocument/didChange": await didChange(params, workspace)
        case "textDocument/didClose": await didClose(params, workspace)
        case "textDocument/didSave": break
        case "workspace/didChangeConfiguration": Task { await didChangeConfiguration(params, workspace) }
        case "workspace/didChangeWatchedFiles": await didChangeWatchedFiles(params, workspace)
        case "$/cancelRequest": cancelRequest(params)
        case "$/setTrace": trace = params?["value"]?.stringValue ?? trace
        default:
            // Notifications the server does not know are dropped silently, as the protocol asks; `$/` ones are
            // optional by definition.
            if !method.hasPrefix("$/") { log.info("ignored notification \(method)") }
        }
    }

    private func cancelRequest(_ params: JSONValue?) {
        let id: RequestID? = switch params?["id"] {
        case .integer(let number)?: .number(number)
        case .string(let text)?: .string(text)
        default: nil
        }
        guard let id, let task = inflight[id] else { return }
        task.cancel()
    }

    func traceMessage(_ text: String) {
        guard trace != "off" else { return }
        connection.notify("$/logTrace", try? JSONValueEncoder().encode(LogTraceParams(message: text)))
    }

    func decode<Value: Decodable>(_ type: Value.Type, _ params: JSONValue?) -> Result<Value, ResponseError> {
        Result { try JSONValueDecoder().decode(type, from: params ?? .null) }
            .mapError { .invalidParams("invalid params: \(ProtocolErrors.describe($0))") }
    }
}

/// What the client said it can do, condensed to the choices the server makes.
struct ClientFeatures: Sendable {
    var pullsDiagnostics = false
    var documentChanges = false
    var workDoneProgress = false
    var configuration = false
    var versionedDiagnostics = true
    var watchesFiles = false
    var hierarchicalSymbols = false
    var appliesEdits = false
}

enum ProtocolErrors {
    /// A decoding error as one readable line: the path to the bad member and what was wrong.
    static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return String(describing: error) }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "missing '\(path(context.codingPath + [key]))'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
