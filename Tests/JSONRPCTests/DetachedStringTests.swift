import Foundation
import Jansson
import JSONRPC
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Large messages over a real pipe: their long strings arrive as bytes decoded in the body's own buffer, and
/// put back they are the very value that was sent.
@Suite struct DetachedStringTests {
    /// A 2 MB text full of escapes: quotes, line endings, non-ASCII sent as `\u` escapes and a surrogate pair.
    static let longText: String = (0..<20_000).map { #"{"role": "user", "content": "café \#($0) 😀\ttab"}"# + "\n" }.joined()

    /// Sends `message` from one connection and returns the first event the other one gets.
    func roundTrip(_ message: Message) async throws -> IncomingEvent {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        let sender = Connection(channel: ByteChannel(input: -1, output: pipeEnds[1]))
        let receiver = Connection(channel: ByteChannel(input: pipeEnds[0], output: -1))
        receiver.start()
        let writeEnd = pipeEnds[1]
        Thread { sender.send(message); close(writeEnd) }.start()
        for await event in receiver.events { return event }
        throw CancellationError()
    }

    /// Writes `rawBody` as one framed message and returns the first event the other side gets.
    func roundTrip(rawBody: [UInt8]) async throws -> IncomingEvent {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        let receiver = Connection(channel: ByteChannel(input: pipeEnds[0], output: -1))
        receiver.start()
        let writeEnd = pipeEnds[1]
        let frame = Array("Content-Length: \(rawBody.count)\r\n\r\n".utf8) + rawBody
        Thread {
            frame.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(writeEnd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(writeEnd)
        }.start()
        for await event in receiver.events { return event }
        throw CancellationError()
    }

    func didOpen(text: String) -> Message {
        .notification(method: "textDocument/didOpen", params: .object(JSONObject([("textDocument", .object(JSONObject([
            ("uri", "file:///big.jsonl"), ("version", .integer(3)), ("text", .string(text)),
        ])))])))
    }

    @Test func aLongStringOfALargeNotificationArrivesAsItsDecodedBytes() async throws {
        let event = try await roundTrip(didOpen(text: Self.longText))
        guard case .message(let message, let detached) = event, case .notification(_, let params) = message else {
            Issue.record("expected a notification, got \(event)")
            return
        }
        let bytes = try #require(detached.bytes(at: [.key("textDocument"), .key("text")]))
        #expect(bytes.storage[bytes.range].elementsEqual(Self.longText.utf8))
        #expect(params?["textDocument"]?["text"] == .string(""))
        #expect(params?["textDocument"]?["version"] == .integer(3))
        #expect(detached.reattached(to: params) == didOpen(text: Self.longText).paramsValue)
    }

    /// A repeated key's last value wins, as jansson decides for small messages.
    @Test func aRepeatedKeyKeepsItsLastValueWhetherLongOrShort() async throws {
        // Written by hand: a JSONValue cannot hold a repeated key.
        let text = try JSONValue.string(Self.longText).encodedString()
        let body = #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a","version":1,"text":\#(text),"text":"short"}}}"#
        let event = try await roundTrip(rawBody: Array(body.utf8))
        guard case .message(.notification(_, let params), let detached) = event else {
            Issue.record("expected a notification")
            return
        }
        #expect(detached.bytes(at: [.key("textDocument"), .key("text")]) == nil)
        #expect(params?["textDocument"]?["text"] == .string("short"))
    }

    @Test func smallMessagesAndShortStringsAreNotDetached() async throws {
        let event = try await roundTrip(didOpen(text: "{}\n"))
        guard case .message(let message, let detached) = event else {
            Issue.record("expected a message")
            return
        }
        #expect(detached.isEmpty)
        #expect(message == didOpen(text: "{}\n"))
    }

    @Test func aLongStringInArrayParamsIsPutBack() async throws {
        let event = try await roundTrip(.request(id: .number(1), method: "echo", params: .array([.string(Self.longText)])))
        guard case .message(let message, let detached) = event else {
            Issue.record("expected a message")
            return
        }
        // Only strings inside object params stay detached.
        #expect(detached.isEmpty)
        #expect(message == .request(id: .number(1), method: "echo", params: .array([.string(Self.longText)])))
    }
}

extension Message {
    var paramsValue: JSONValue? {
        switch self {
        case .request(_, _, let params), .notification(_, let params): params
        default: nil
        }
    }
}
