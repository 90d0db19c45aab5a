/// Column arithmetic inside one line of UTF-8 bytes.
///
/// Every function walks code points, never grapheme clusters: LSP columns count code units, so a combining
/// mark is a column of its own and an emoji outside the BMP is two UTF-16 units. Malformed bytes are decoded
/// the way editors do (each maximal invalid subpart becomes one U+FFFD, one UTF-16 unit), so a position
/// computed here agrees with what the user's editor shows.
public enum UTF8Columns {
    /// The UTF-16 column of `byteOffset` in `line`. An offset inside a multi-byte character is clamped to the
    /// start of that character; an offset past the end is clamped to the end.
    @inlinable
    public static func utf16Column<Bytes: Collection>(ofByteOffset byteOffset: Int, in line: Bytes) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var units = 0
        var index = line.startIndex
        let limit = min(line.startIndex + max(byteOffset, 0), line.endIndex)
        while index < limit {
            let (length, utf16Units) = scalarExtent(line, at: index)
            if index + length > limit { break }
            index += length
            units += utf16Units
        }
        return units
    }

    /// The byte offset of `utf16Column` in `line`. A column inside a surrogate pair is clamped to the start of
    /// its character; a column past the end gives the line's length.
    @inlinable
    public static func byteOffset<Bytes: Collection>(ofUTF16Column column: Int, in line: Bytes) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var units = 0
        var index = line.startIndex
        while index < line.endIndex {
            let (length, utf16Units) = scalarExtent(line, at: index)
            if units + utf16Units > column { break }
            units += utf16Units
            index += length
        }
        return index - line.startIndex
    }

    /// The byte offset of the character containing `byteOffset` (clamped to a character boundary).
    @inlinable
    public static func characterStart<Bytes: Collection>(ofByteOffset byteOffset: Int, in line: Bytes) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = line.startIndex
        let target = line.startIndex + max(0, byteOffset)
        while index < line.endIndex {
            let (length, _) = scalarExtent(line, at: index)
            if index + length > target { break }
            index += length
        }
        return min(index, line.endIndex) - line.startIndex
    }

    /// The number of UTF-16 code units in `line`.
    @inlinable
    public static func utf16Length<Bytes: Collection>(of line: Bytes) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
        utf16Column(ofByteOffset: line.count, in: line)
    }

    /// The UTF-16 column of `byteOffset` in bytes already known to be valid UTF-8 (a record the scanner accepted),
    /// where every offset the scanner reports is a character boundary. Each character is one UTF-16 unit per
    /// non-continuation byte, plus one for a four-byte character's surrogate pair: a branch-free count the
    /// compiler vectorizes, so columns deep in a 50 MB line cost microseconds.
    public static func utf16Column(ofByteOffset byteOffset: Int, inValidUTF8 line: UnsafeRawBufferPointer) -> Int {
        let limit = min(max(byteOffset, 0), line.count)
        guard let base = line.baseAddress else { return 0 }
        let high: UInt64 = 0x8080_8080_8080_8080
        var continuations = 0
        var fourByteLeads = 0
        var index = 0
        // Eight bytes at a time: a continuation byte is 10xxxxxx, a four-byte lead 11110xxx.
        while index + 8 <= limit {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            continuations &+= (word & ~(word << 1) & high).nonzeroBitCount
            fourByteLeads &+= (word & (word << 1) & (word << 2) & (word << 3) & high).nonzeroBitCount
            index &+= 8
        }
        while index < limit {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            if byte & 0xC0 == 0x80 { continuations &+= 1 }
            if byte >= 0xF0 { fourByteLeads &+= 1 }
            index &+= 1
        }
        return limit - continuations + fourByteLeads
    }

    /// The byte length and UTF-16 length of the (possibly malformed) scalar at `index`.
    @inlinable @inline(__always)
    static func scalarExtent<Bytes: Collection>(_ bytes: Bytes, at index: Int) -> (bytes: Int, utf16: Int)
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = bytes[index]
        if lead < 0x80 { return (1, 1) }
        let expected: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: expected = 2
        case 0xE0: expected = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: expected = 3
        case 0xED: expected = 3; upper = 0x9F
        case 0xF0: expected = 4; lower = 0x90
        case 0xF1...0xF3: expected = 4
        case 0xF4: expected = 4; upper = 0x8F
        default: return (1, 1)
        }
        // Maximal subpart: stop at the first byte that cannot continue the sequence.
        var length = 1
        while length < expected {
            let position = index + length
            guard position < bytes.endIndex else { return (length, 1) }
            let byte = bytes[position]
            let (low, high) = length == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= low && byte <= high else { return (length, 1) }
            length += 1
        }
        return (expected, expected == 4 ? 2 : 1)
    }
}
