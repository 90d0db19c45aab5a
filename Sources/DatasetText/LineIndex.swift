/// Where each line of a byte buffer starts and where its content ends.
///
/// Lines end at LF; a CR right before the LF belongs to the line ending, not the content. A final line without
/// a newline is a line; a buffer that ends with a newline has no extra empty line after it (an editor shows one,
/// but it holds no record). A UTF-8 byte order mark at the start of the buffer is not content.
public struct LineIndex: Sendable, Equatable {
    /// Byte offset of the first content byte of each line.
    public private(set) var starts: [Int]
    /// Byte offset one past the last content byte of each line (before CR LF or LF).
    public private(set) var contentEnds: [Int]
    /// True when the buffer starts with a UTF-8 byte order mark.
    public let hasByteOrderMark: Bool

    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        var starts: [Int] = []
        var ends: [Int] = []
        let base = bytes.startIndex
        hasByteOrderMark = bytes.starts(with: Self.byteOrderMark)
        var lineStart = base + (hasByteOrderMark ? 3 : 0)
        var index = lineStart
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                starts.append(lineStart - base)
                let crlf = index > lineStart && bytes[index - 1] == 0x0D
                ends.append((crlf ? index - 1 : index) - base)
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < bytes.endIndex || starts.isEmpty {
            starts.append(lineStart - base)
            ends.append(bytes.endIndex - base)
        }
        self.starts = starts
        self.contentEnds = ends
    }

    public var lineCount: Int { starts.count }

    /// The content byte range of `line`, or nil when the line does not exist.
    public func contentRange(ofLine line: Int) -> Range<Int>? {
        guard line >= 0, line < starts.count else { return nil }
        return starts[line]..<contentEnds[line]
    }

    /// The line holding `byteOffset` (offsets in a line ending belong to that line).
    public func line(containingByteOffset byteOffset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= byteOffset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
