import RecordScanner

/// Finds chat-template control tokens in string values in one pass over the raw text.
///
/// Every token starts with one of a few bytes (`<` or `[` for the built-in ones), so the finder jumps between
/// those bytes (memchr speed) and compares the tokens only there. It searches the raw JSON text, which gives
/// exact ranges; a token written with `\u` escapes is not found, which costs nothing in practice.
///
/// Content strings are searched once per message, so the per-call cost matters as much as the scan: the
/// tokens are kept in a small array of groups by first byte (no hashing on the way).
struct TemplateTokenFinder: Sendable {
    private struct Token: Sendable {
        let bytes: [UInt8]
        /// The first (up to) eight bytes, little-endian, and a mask of the bytes they cover: most tokens are
        /// decided by one comparison of words, without a call to memcmp.
        let head: UInt64
        let headMask: UInt64

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var head: UInt64 = 0
            for (index, byte) in bytes.prefix(8).enumerated() { head |= UInt64(byte) << (8 * index) }
            self.head = head
            headMask = bytes.count >= 8 ? ~0 : (1 << (8 * bytes.count)) - 1
        }
    }

    private struct Group: Sendable {
        let first: UInt8
        /// Longest first, so `<|im_start|>` is reported rather than a shorter token it contains.
        let tokens: [Token]
    }

    private let groups: [Group]

    init(tokens: [String]) {
        var table: [UInt8: [[UInt8]]] = [:]
        for token in Set(tokens) where !token.isEmpty {
            let bytes = Array(token.utf8)
            table[bytes[0], default: []].append(bytes)
        }
        // Tokens of one length that start alike cannot both match at one place, so ties need no order.
        groups = table.keys.sorted().map { first in
            Group(first: first, tokens: table[first]!.sorted { $0.count > $1.count }.map(Token.init))
        }
    }

    struct Hit {
        let token: String
        let span: Range<Int>
    }

    func firstToken(in record: ParsedRecord, node: Int) -> Hit? {
        let span = record[node].span
        guard span.count > 2, !groups.isEmpty else { return nil }
        return record.withLineBytes { line -> Hit? in
            let base = line.baseAddress!
            var offset = span.lowerBound + 1
            let end = span.upperBound - 1
            while offset < end {
                guard let (next, group) = nextCandidate(base, from: offset, to: end) else { return nil }
                let window = Self.window(base, at: next, end: end)
                for token in groups[group].tokens where next + token.bytes.count <= end && window & token.headMask == token.head {
                    if token.bytes.count <= 8 || token.bytes.withUnsafeBytes({
                        memcmp(base + next + 8, $0.baseAddress! + 8, token.bytes.count - 8)
                    }) == 0 {
                        return Hit(token: String(decoding: token.bytes, as: UTF8.self), span: next..<(next + token.bytes.count))
                    }
                }
                offset = next + 1
            }
            return nil
        }
    }

    /// The bytes at `offset` as a little-endian word, zero past `end`.
    @inline(__always)
    private static func window(_ base: UnsafeRawPointer, at offset: Int, end: Int) -> UInt64 {
        if offset + 8 <= end { return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var word: UInt64 = 0
        for index in 0..<(end - offset) { word |= UInt64(base.load(fromByteOffset: offset + index, as: UInt8.self)) << (8 * index) }
        return word
    }

    /// The next offset holding the first byte of some token, and that byte's group.
    @inline(__always)
    private func nextCandidate(_ base: UnsafeRawPointer, from start: Int, to end: Int) -> (Int, Int)? {
        var best: (Int, Int)?
        for index in groups.indices {
            let length = (best?.0 ?? end) - start
            guard length > 0, let found = memchr(base + start, Int32(groups[index].first), length) else { continue }
            best = (base.distance(to: UnsafeRawPointer(found)), index)
        }
        return best
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
