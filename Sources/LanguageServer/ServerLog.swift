import Foundation
import JSONRPC
import LanguageServerProtocol

/// Logs to standard error (never standard output, which carries the protocol) and to the client's log window.
struct ServerLog: Sendable {
    let connection: Connection

    func info(_ message: String) { write(message, type: .info) }
    func warning(_ message: String) { write(message, type: .warning) }
    func error(_ message: String) { write(message, type: .error) }

    private func write(_ message: String, type: MessageType) {
        FileHandle.standardError.write(Data("datalint serve: \(message)\n".utf8))
        if let params = try? JSONValueEncoder().encode(LogMessageParams(type: type, message: message)) {
            connection.notify("window/logMessage", params)
        }
    }
}
