/// A fixed list of names (keys, roles) and a fast answer to "which of them does this string node equal?".
///
/// Checks look up the keys and roles of every record, so the lookup must not build a `String`: an unescaped
/// node is compared in place in the line, by its length and its first eight bytes as one word, then by the
/// rest of its bytes. Equality is that of `ParsedRecord.keyEquals`: the node's decoded UTF-8 bytes against
/// the name's UTF-8 bytes.
public struct NameTable: Sendable {
    public let names: [String]
    private let entries: [Entry]

    private struct Entry: Sendable {
        let bytes: [UInt8]
        /// The first (up to) eight bytes as a little-endian word, zero beyond the name's end.
        let head: UInt64
    }

    public init(_ names: [String]) {
        self.names = names
        entries = names.map { name in
            let bytes = Array(name.utf8)
            return Entry(bytes: bytes, head: bytes.withUnsafeBytes { Self.head(of: $0, at: 0, length: $0.count) })
        }
    }

    /// The index of the first name equal to the decoded value of string node `index`; nil when none is, or
    /// when the node is not a string.
    public func firstIndex(matching index: Int, in record: ParsedRecord) -> Int? {
        let node = record[index]
        guard node.kind == .string else { return nil }
        if node.hasEscapes {
            let decoded = record.decodedBytes(index)
            return decoded.withUnsafeBytes { firstIndex(of: $0, at: 0, length: $0.count) }
        }
        return record.withLineBytes { firstIndex(of: $0, at: node.start + 1, length: node.end - node.start - 2) }
    }

    /// The index of the first name whose UTF-8 bytes are `text`.
    public func firstIndex(of text: UnsafeRawBufferPointer) -> Int? {
        firstIndex(of: text, at: 0, length: text.count)
    }

    private func firstIndex(of buffer: UnsafeRawBufferPointer, at start: Int, length: Int) -> Int? {
        let head = Self.head(of: buffer, at: start, length: length)
        for index in entries.indices where entries[index].head == head && entries[index].bytes.count == length {
            if length <= 8 { return index }
            let matches = entries[index].bytes.withUnsafeBytes { name in
                var offset = 8
                while offset < length && name[offset] == buffer[start + offset] { offset += 1 }
                return offset == length
            }
            if matches { return index }
        }
        return nil
    }

    /// Bytes `start..<start + min(length, 8)` of `buffer` as a little-endian word, zero beyond them. One load
    /// when eight bytes are there to read, even past `length` (they are masked off); never past the buffer.
    @inline(__always)
    private static func head(of buffer: UnsafeRawBufferPointer, at start: Int, length: Int) -> UInt64 {
        let count = min(length, 8)
        guard count > 0 else { return 0 }
        if start + 8 <= buffer.count {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: start, as: UInt64.self))
            return count == 8 ? word : word & ((1 << (8 * count)) - 1)
        }
        var word: UInt64 = 0
        for offset in 0..<count { word |= UInt64(buffer[start + offset]) << (8 * offset) }
        return word
    }
}
