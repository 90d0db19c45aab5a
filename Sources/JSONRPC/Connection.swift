import Foundation
import Jansson
import Synchronization

/// What the connection hands its owner: messages in the order they arrived, and problems it worked around.
public enum IncomingEvent: Sendable {
    /// A message; long string values of its `params` may be detached (see `DetachedStrings`).
    case message(Message, detached: DetachedStrings)
    /// The stream had something that could not be a message; the connection already answered it if it could.
    case problem(String)
}

/// A JSON-RPC 2.0 connection over a byte channel with LSP framing.
///
/// It owns the wire: a thread reads and frames incoming bytes, bodies are decoded with jansson, and writes are
/// serialized so that messages never interleave. Malformed input is answered (-32700, -32600) and reported as
/// an event; it never ends the connection. Requests this side sends get their replies through `send(request:)`.
public final class Connection: Sendable {
    private let channel: ByteChannel
    private let writeLock = Mutex(())
    private let pending = Mutex(PendingRequests())
    private let stream: AsyncStream<IncomingEvent>
    private let continuation: AsyncStream<IncomingEvent>.Continuation

    public init(channel: ByteChannel) {
        self.channel = channel
        (stream, continuation) = AsyncStream.makeStream(of: IncomingEvent.self, bufferingPolicy: .unbounded)
    }

    /// Incoming messages (responses to our own requests are delivered to their callers instead), ending when
    /// the peer closes the stream.
    public var events: AsyncStream<IncomingEvent> { stream }

    /// Starts reading on a thread of its own: reads block, and must not hold up Swift's cooperative pool.
    public func start() {
        let thread = Thread { [self] in readLoop() }
        thread.name = "jsonrpc-reader"
        thread.stackSize = 1 << 20
        thread.start()
    }

    // MARK: Sending

    public func send(_ message: Message) {
        let body: [UInt8]
        do {
            body = try message.json.encoded()
        } catch {
            // Only a string with a lone surrogate can fail to encode; say so rather than send nothing.
            let fallback = Message.errorResponse(id: nil, error: .internalError("could not encode a reply: \(error)"))
            body = (try? fallback.json.encoded()) ?? []
        }
        let frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        writeLock.withLock { _ in _ = channel.write(frame) }
    }

    /// Sends a message whose JSON body the caller already encoded (a hot notification written straight to bytes).
    public func send(encodedBody body: [UInt8]) {
        let frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        writeLock.withLock { _ in _ = channel.write(frame) }
    }

    public func notify(_ method: String, _ params: JSONValue?) {
        send(.notification(method: method, params: params))
    }

    public func reply(to id: RequestID, _ outcome: Result<JSONValue, ResponseError>) {
        switch outcome {
        case .success(let result): send(.response(id: id, result: result))
        case .failure(let error): send(.errorResponse(id: id, error: error))
        }
    }

    /// Sends a request to the peer and waits for its reply.
    public func send(request method: String, _ params: JSONValue?) async -> Result<JSONValue, ResponseError> {
        await withCheckedContinuation { waiter in
            let id = pending.withLock { $0.register(waiter) }
            send(.request(id: id, method: method, params: params))
        }
    }

    // MARK: Receiving

    private func readLoop() {
        var framer = MessageFramer()
        var buffer: [UInt8] = []
        reading: while true {
            let bytes = channel.read(into: &buffer, maximum: 1 << 20)
            if bytes.isEmpty { break }
            for event in framer.append(bytes) { handle(event) }
            if var (body, received) = framer.takePartialBody(minimumLength: LargeBodyDecoder.threshold) {
                guard channel.readExactly(into: &body, from: received) else {
                    continuation.yield(.problem("the stream ended inside a message of \(body.count) bytes"))
                    break reading
                }
                handle(body: &body)
            }
        }
        if framer.pendingByteCount > 0 {
            continuation.yield(.problem("the stream ended inside a message (\(framer.pendingByteCount) bytes)"))
        }
        pending.withLock { $0.failAll(ResponseError(code: ResponseError.requestFailedCode, message: "connection closed")) }
        continuation.finish()
    }

    private func handle(_ event: MessageFramer.Event) {
        switch event {
        case .problem(let text):
            continuation.yield(.problem(text))
        case .body(var body):
            handle(body: &body)
        }
    }

    /// Decodes and delivers one body. It is `inout` so that a large body, held nowhere else, can be decoded in
    /// place without a copy.
    private func handle(body: inout [UInt8]) {
        let decoded: LargeBodyDecoder.Decoded
        switch Self.decode(&body) {
        case .success(let value):
            decoded = value
        case .failure(let error):
            send(.errorResponse(id: nil, error: .parseError("the message body is not JSON: \(error)")))
            continuation.yield(.problem("a message body is not JSON: \(error)"))
            return
        }
        let (value, detached) = Self.keepingDetachedParams(decoded)
        do {
            deliver(try Message(value), detached: detached)
        } catch {
            send(.errorResponse(id: error.id, error: error.error))
            continuation.yield(.problem("invalid JSON-RPC message: \(error.error.message)"))
        }
    }

    private static func decode(_ body: inout [UInt8]) -> Result<LargeBodyDecoder.Decoded, BodyDecodingError> {
        if body.count >= LargeBodyDecoder.threshold, let decoded = LargeBodyDecoder.decode(&body) { return decoded }
        do {
            return .success(LargeBodyDecoder.Decoded(value: try JSONValue.decode(body), detached: .none))
        } catch {
            return .failure(BodyDecodingError(description: error.description))
        }
    }

    /// Strings stay detached only inside `params` (with paths relative to it); any other is put back, so that
    /// responses and malformed messages read as usual.
    private static func keepingDetachedParams(_ decoded: LargeBodyDecoder.Decoded) -> (JSONValue, DetachedStrings) {
        guard !decoded.detached.isEmpty else { return (decoded.value, .none) }
        var kept: [DetachedStrings.Entry] = []
        var returned: [DetachedStrings.Entry] = []
        for entry in decoded.detached.entries {
            if entry.path.first == .key("params"), decoded.value["method"] != nil, decoded.value["params"]?.objectValue != nil {
                kept.append(DetachedStrings.Entry(path: Array(entry.path.dropFirst()), bytes: entry.bytes))
            } else {
                returned.append(entry)
            }
        }
        let value = DetachedStrings(returned).reattached(to: decoded.value) ?? decoded.value
        return (value, DetachedStrings(kept))
    }

    private func deliver(_ message: Message, detached: DetachedStrings) {
        switch message {
        case .response(let id, let result):
            if let waiter = pending.withLock({ $0.take(id) }) { waiter.resume(returning: .success(result)) }
        case .errorResponse(let id?, let error):
            if let waiter = pending.withLock({ $0.take(id) }) { waiter.resume(returning: .failure(error)) }
        default:
            continuation.yield(.message(message, detached: detached))
        }
    }
}

/// Requests this side sent and still waits on.
struct PendingRequests: ~Copyable {
    typealias Waiter = CheckedContinuation<Result<JSONValue, ResponseError>, Never>
    private var nextID: Int64 = 1
    private var waiters: [RequestID: Waiter] = [:]

    mutating func register(_ waiter: Waiter) -> RequestID {
        let id = RequestID.number(nextID)
        nextID += 1
        waiters[id] = waiter
        return id
    }

    mutating func take(_ id: RequestID) -> Waiter? { waiters.removeValue(forKey: id) }

    mutating func failAll(_ error: ResponseError) {
        for waiter in waiters.values { waiter.resume(returning: .failure(error)) }
        waiters.removeAll()
    }
}
