import Foundation
import Jansson
import JSONRPC
import LanguageServer

#if canImport(Glibc)
import Glibc
#endif

/// A server running in this process and a client connected to it through pipes, speaking real framed JSON-RPC.
final class ServerHarness: Sendable {
    let client: Connection
    let serverTask: Task<Int32, Never>
    private let inbox = Inbox()

    init() {
        var toServer: [Int32] = [0, 0]
        var toClient: [Int32] = [0, 0]
        _ = pipe(&toServer)
        _ = pipe(&toClient)
        let server = LanguageServer(connection: Connection(channel: ByteChannel(input: toServer[0], output: toClient[1])))
        client = Connection(channel: ByteChannel(input: toClient[0], output: toServer[1]))
        serverTask = Task { await server.run() }
        client.start()
        let events = client.events
        let inbox = self.inbox
        let client = self.client
        Task {
            for await event in events {
                guard case .message(let message, _) = event else { continue }
                switch message {
                case .notification(let method, let params): await inbox.add(method, params ?? .null)
                case .request(let id, let method, let params):
                    // Answer what the server asks of an editor: configuration and progress tokens.
                    await inbox.add(method, params ?? .null)
                    client.reply(to: id, .success(method == "workspace/configuration" ? .array([.null]) : .null))
                default: break
                }
            }
        }
    }

    func request(_ method: String, _ params: JSONValue = .object(JSONObject())) async -> Result<JSONValue, ResponseError> {
        await client.send(request: method, params)
    }

    func notify(_ method: String, _ params: JSONValue) {
        client.notify(method, params)
    }

    /// Initializes with the given client capabilities (as JSON text).
    /// `root` (a directory) becomes the workspace folder, with its index at `indexPath`.
    func initialize(capabilities: String = "{}", root: String? = nil, indexPath: String? = nil) async throws -> JSONValue {
        let rootUri = root.map { "\"file://\($0)\"" } ?? "null"
        let options = indexPath.map { #","initializationOptions":{"indexPath":"\#($0)"}"# } ?? ""
        let params = try JSONValue.decode(#"{"processId":null,"rootUri":\#(rootUri),"capabilities":\#(capabilities)\#(options)}"#)
        let result = try await request("initialize", params).get()
        notify("initialized", .object(JSONObject()))
        return result
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", .object(JSONObject([("textDocument", .object(JSONObject([
            ("uri", .string(uri)), ("languageId", .string("jsonl")), ("version", .integer(Int64(version))),
            ("text", .string(text)),
        ])))])))
    }

    /// Waits for the next notification of `method` matching `predicate`.
    func next(_ method: String, timeout: Double = 20, where predicate: @Sendable (JSONValue) -> Bool = { _ in true })
        async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let found = await inbox.take(method, where: predicate) { return found }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw HarnessError.timeout(method)
    }

    func shutdown() async -> Int32 {
        _ = await request("shutdown", .null)
        notify("exit", .null)
        return await serverTask.value
    }
}

enum HarnessError: Error {
    case timeout(String)
}

/// Notifications and requests the server sent, until a test takes them.
actor Inbox {
    private var messages: [(method: String, params: JSONValue)] = []

    func add(_ method: String, _ params: JSONValue) { messages.append((method, params)) }

    func take(_ method: String, where predicate: (JSONValue) -> Bool) -> JSONValue? {
        guard let index = messages.firstIndex(where: { $0.method == method && predicate($0.params) }) else { return nil }
        return messages.remove(at: index).params
    }
}

extension JSONValue {
    /// `value["a"]?["b"]…` for tests: the member at a dotted path.
    func at(_ path: String) -> JSONValue? {
        path.split(separator: ".").reduce(Optional(self)) { value, key in
            if let index = Int(key) { return value?[index] }
            return value?[String(key)]
        }
    }
}
