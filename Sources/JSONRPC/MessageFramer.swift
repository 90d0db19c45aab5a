import Foundation

/// Splits the LSP base protocol's byte stream into message bodies: `Content-Length: N\r\n` (and optionally
/// `Content-Type`) headers, a blank line, then exactly N bytes.
///
/// The framer never gives up on a stream: a header block without a usable length, or bytes that are not a
/// header at all (left over from a message whose length was wrong), are reported and skipped, and framing picks
/// up again at the next `Content-Length` header.
public struct MessageFramer: Sendable {
    public enum Event: Sendable, Equatable {
        case body([UInt8])
        /// Something in the stream was skipped; the message says what and why.
        case problem(String)
    }

    /// Bodies larger than this are refused (and skipped) rather than buffered.
    public let maximumBodySize: Int
    private var buffer: [UInt8] = []
    private var offset = 0
    private var expectedBody: Int?
    private var skipping = 0

    public init(maximumBodySize: Int = 1 << 30) {
        self.maximumBodySize = maximumBodySize
    }

    /// Adds bytes read from the stream and returns every event they complete, in order.
    public mutating func append(_ bytes: some Collection<UInt8>) -> [Event] {
        buffer.append(contentsOf: bytes)
        var events: [Event] = []
        while let event = nextEvent() { events.append(event) }
        compact()
        return events
    }

    /// Hands over a large body whose start has arrived, with what is still missing, so that the reader can read
    /// the rest straight into it: a 200 MB didOpen appended piece by piece to a growing buffer, then copied out,
    /// cost more than the pipe itself. Framing goes on with the bytes after the body.
    public mutating func takePartialBody(minimumLength: Int) -> (body: [UInt8], received: Int)? {
        guard let length = expectedBody, skipping == 0, length >= minimumLength else { return nil }
        let received = buffer.count - offset
        guard received < length else { return nil }
        let body = [UInt8](unsafeUninitializedCapacity: length) { storage, count in
            buffer.withUnsafeBytes { source in
                storage.baseAddress!.update(from: source.baseAddress!.assumingMemoryBound(to: UInt8.self) + offset,
                                           count: received)
            }
            // The reader fills the rest before anyone reads it (UInt8 needs no initialization to be overwritten).
            count = length
        }
        buffer = []
        offset = 0
        expectedBody = nil
        return (body, received)
    }

    /// Bytes received but not yet part of a complete message.
    public var pendingByteCount: Int { buffer.count - offset }

    private mutating func nextEvent() -> Event? {
        if let length = expectedBody {
            if skipping > 0 {
                let available = min(skipping, buffer.count - offset)
                offset += available
                skipping -= available
                if skipping > 0 { return nil }
                expectedBody = nil
                return nextEvent()
            }
            guard buffer.count - offset >= length else { return nil }
            let body = Array(buffer[offset..<(offset + length)])
            offset += length
            expectedBody = nil
            if offset == buffer.count && buffer.capacity > Self.retainedCapacity {
                // A huge message is done: give its buffer back rather than keep hundreds of megabytes reserved.
                buffer = []
                offset = 0
            }
            return .body(body)
        }
        return nextHeader()
    }

    private mutating func nextHeader() -> Event? {
        guard let headerEnd = find(Self.headerTerminator, from: offset) else {
            return dropGarbageBeforeHeader(searchingUpTo: buffer.count)
        }
        if let garbage = dropGarbageBeforeHeader(searchingUpTo: headerEnd) { return garbage }
        let header = HeaderBlock(buffer[offset..<headerEnd])
        offset = headerEnd + Self.headerTerminator.count
        switch header.contentLength {
        case .missing:
            return .problem("a message header has no Content-Length; skipped it")
        case .invalid(let text):
            return .problem("a message header has an invalid Content-Length '\(text)'; skipped it")
        case .value(let length) where length > maximumBodySize:
            expectedBody = length
            skipping = length
            return .problem("a message of \(length) bytes is larger than the limit of \(maximumBodySize); skipped it")
        case .value(let length):
            expectedBody = length
            return nextEvent()
        }
    }

    /// Headers must start where the previous message ended; anything else is skipped up to the next
    /// `Content-Length` (the usual remains of a message that announced the wrong length).
    private mutating func dropGarbageBeforeHeader(searchingUpTo limit: Int) -> Event? {
        guard offset < buffer.count, !startsWithHeaderName(at: offset) else { return nil }
        if let start = findContentLength(from: offset) {
            let skipped = start - offset
            offset = start
            return .problem("skipped \(skipped) bytes that were not a message header")
        }
        // Keep a tail that could be the beginning of a split "Content-Length" header.
        let keep = min(buffer.count - offset, Self.contentLengthName.count)
        let skipped = buffer.count - keep - offset
        guard skipped > 0 else { return nil }
        offset += skipped
        return .problem("skipped \(skipped) bytes that were not a message header")
    }

    private func startsWithHeaderName(at index: Int) -> Bool {
        // A header name is a token followed by ':'; JSON left over from a bad message starts with other bytes.
        var position = index
        while position < buffer.count, Self.isTokenByte(buffer[position]) { position += 1 }
        if position == buffer.count { return true }  // not enough bytes yet to tell
        return position > index && buffer[position] == UInt8(ascii: ":")
    }

    private func findContentLength(from start: Int) -> Int? {
        let name = Self.contentLengthName
        guard buffer.count - start >= name.count else { return nil }
        for index in start...(buffer.count - name.count) {
            var matches = true
            for (position, expected) in name.enumerated() where Self.lowercase(buffer[index + position]) != expected {
                matches = false
                break
            }
            if matches { return index }
        }
        return nil
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard buffer.count - start >= pattern.count else { return nil }
        var index = start
        while index <= buffer.count - pattern.count {
            if buffer[index] == pattern[0] && buffer[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index
            }
            index += 1
        }
        return nil
    }

    private mutating func compact() {
        if offset > 0 && (offset == buffer.count || offset > 1 << 16) {
            buffer.removeFirst(offset)
            offset = 0
        }
    }

    static let retainedCapacity = 4 << 20
    static let headerTerminator: [UInt8] = Array("\r\n\r\n".utf8)
    static let contentLengthName: [UInt8] = Array("content-length:".utf8)

    static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}

/// The header lines of one message.
struct HeaderBlock {
    enum ContentLength: Equatable {
        case missing
        case invalid(String)
        case value(Int)
    }

    let contentLength: ContentLength

    init(_ bytes: ArraySlice<UInt8>) {
        var length = ContentLength.missing
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let colon = text.firstIndex(of: ":") else { continue }
            let name = text[..<colon].lowercased()
            let value = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespacesAndNewlines)
            if name == "content-length" {
                if let number = Int(value), number >= 0 { length = .value(number) } else { length = .invalid(value) }
            }
        }
        contentLength = length
    }
}
