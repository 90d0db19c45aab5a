import RecordScanner

/// Finds chat-template control tokens in string values in one pass over the raw text.
///
/// Every token starts with `<` or `[`, so the finder jumps between those bytes (memchr speed) and compares the
/// tokens only there. It searches the raw JSON text, which gives exact ranges; a token written with `\u`
/// escapes is not found, which costs nothing in practice.
struct TemplateTokenFinder: Sendable {
    private let tokensByFirstByte: [UInt8: [[UInt8]]]

    init(tokens: [String]) {
        var table: [UInt8: [[UInt8]]] = [:]
        for token in Set(tokens) where !token.isEmpty {
            let bytes = Array(token.utf8)
            table[bytes[0], default: []].append(bytes)
        }
        // Longest first, so `<|im_start|>` is reported rather than a shorter token it contains.
        tokensByFirstByte = table.mapValues { $0.sorted { $0.count > $1.count } }
    }

    struct Hit {
        let token: String
        let span: Range<Int>
    }

    func firstToken(in record: ParsedRecord, node: Int) -> Hit? {
        let span = record[node].span
        guard span.count > 2, !tokensByFirstByte.isEmpty else { return nil }
        return record.withLineBytes { line -> Hit? in
            var offset = span.lowerBound + 1
            let end = span.upperBound - 1
            while offset < end {
                guard let next = nextCandidate(line, from: offset, to: end) else { return nil }
                for token in tokensByFirstByte[line[next]] ?? [] where next + token.count <= end {
                    if token.withUnsafeBytes({ memcmp(line.baseAddress! + next, $0.baseAddress!, token.count) }) == 0 {
                        return Hit(token: String(decoding: token, as: UTF8.self), span: next..<(next + token.count))
                    }
                }
                offset = next + 1
            }
            return nil
        }
    }

    /// The next offset holding the first byte of some token.
    private func nextCandidate(_ line: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        var best: Int?
        for first in tokensByFirstByte.keys {
            let length = (best ?? end) - start
            guard length > 0, let found = memchr(line.baseAddress! + start, Int32(first), length) else { continue }
            best = line.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
        return best
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
