#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading string and number values of a record without building a value tree.
extension ParsedRecord {
    /// True when the string node `index` decodes to exactly `text`. Unescaped strings compare raw bytes.
    public func keyEquals(_ index: Int, _ text: String) -> Bool {
        let node = nodes[index]
        guard node.kind == .string else { return false }
        if node.hasEscapes { return decodedBytes(index).elementsEqual(text.utf8) }
        var text = text
        return text.withUTF8 { expected in
            guard node.end - node.start - 2 == expected.count else { return false }
            return withLineBytes { line in
                expected.isEmpty || memcmp(line.baseAddress! + node.start + 1, expected.baseAddress!, expected.count) == 0
            }
        }
    }

    /// The decoded UTF-8 bytes of string node `index`.
    public func decodedBytes(_ index: Int) -> [UInt8] {
        let node = nodes[index]
        return withLineBytes { JSONStringDecoder.decode($0, span: node.span, hasEscapes: node.hasEscapes) }
    }

    /// The decoded value of string node `index`.
    public func string(_ index: Int) -> String {
        let node = nodes[index]
        return withLineBytes { JSONStringDecoder.decodeString($0, span: node.span, hasEscapes: node.hasEscapes) }
    }

    /// The raw JSON text of any node, exactly as written in the line.
    public func rawText(_ index: Int) -> String {
        let span = nodes[index].span
        return withLineBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[span]), as: UTF8.self) }
    }

    /// Length in bytes of a string's decoded value, computed without decoding when it has no escapes.
    public func decodedLength(_ index: Int) -> Int {
        let node = nodes[index]
        return node.hasEscapes ? decodedBytes(index).count : node.end - node.start - 2
    }

    /// True when string node `index` is empty or holds only white space (escaped or not, Unicode spaces too):
    /// when every `Character` of its value `isWhitespace`.
    ///
    /// Content is checked with this once per message, so the usual answers come from the raw text without
    /// decoding it (`JSONStringDecoder.blankVerdict`); only the rare undecided case builds the `String`.
    public func isBlankString(_ index: Int) -> Bool {
        let node = nodes[index]
        let verdict = withLineBytes { JSONStringDecoder.blankVerdict($0, span: node.span) }
        return verdict ?? string(index).allSatisfy { $0.isWhitespace }
    }

    /// True when the decoded string `index` contains `needle`.
    public func stringContains(_ index: Int, _ needle: [UInt8]) -> Bool {
        let node = nodes[index]
        if node.hasEscapes {
            let decoded = decodedBytes(index)
            return decoded.withUnsafeBytes { Self.search($0, needle) != nil }
        }
        return withLineBytes { line in
            Self.search(UnsafeRawBufferPointer(rebasing: line[(node.start + 1)..<(node.end - 1)]), needle) != nil
        }
    }

    /// Byte offset of `needle` in `haystack`: glibc's vectorized memchr finds candidates for the first byte.
    /// (memmem is not visible through Swift's Glibc module.)
    static func search(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        let base = haystack.baseAddress!
        let lastStart = haystack.count - needle.count
        var offset = 0
        return needle.withUnsafeBytes { pattern -> Int? in
            while offset <= lastStart {
                guard let found = memchr(base + offset, Int32(first), lastStart - offset + 1) else { return nil }
                let candidate = base.distance(to: UnsafeRawPointer(found))
                if memcmp(base + candidate, pattern.baseAddress!, pattern.count) == 0 { return candidate }
                offset = candidate + 1
            }
            return nil
        }
    }

    /// The value of number node `index` as a Double (JSON numbers beyond its range become ±infinity).
    public func number(_ index: Int) -> Double? {
        guard nodes[index].kind == .number else { return nil }
        return Double(rawText(index))
    }
}

extension ParsedRecord {
    /// The string nodes that are values, not object keys, in document order: the text a record carries, or (with
    /// `node`) the text inside that value.
    public func stringValueNodes(under node: Int? = nil) -> [Int] {
        var isKey = [Bool](repeating: false, count: nodes.count)
        var values: [Int] = []
        let range = node.map { $0..<min(nodes.count, max(nodes[$0].next, $0 + 1)) } ?? nodes.indices
        for index in range {
            let node = nodes[index]
            if node.kind == .object {
                for member in members(of: index) { isKey[member.key] = true }
            } else if node.kind == .string, !isKey[index] {
                values.append(index)
            }
        }
        return values
    }
}
