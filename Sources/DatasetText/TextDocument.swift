/// A dataset document: its bytes and where its lines are, with exact conversions between byte offsets and
/// (line, column) positions in UTF-8 and UTF-16 units.
public struct TextDocument: Sendable {
    public let bytes: [UInt8]
    public let lines: LineIndex

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lines = LineIndex(bytes)
    }

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public var lineCount: Int { lines.lineCount }

    /// The content bytes of `line` (without its line ending).
    public func lineContent(_ line: Int) -> ArraySlice<UInt8> {
        guard let range = lines.contentRange(ofLine: line) else { return [] }
        return bytes[range]
    }

    /// The position of a byte offset in the document; offsets inside a character are clamped to its start,
    /// offsets in a line ending to the end of the line's content.
    public func position(ofByteOffset offset: Int) -> SourcePosition {
        let line = lines.line(containingByteOffset: offset)
        let content = lineContent(line)
        let column = min(max(offset - content.startIndex, 0), content.count)
        return position(line: line, utf8Column: column)
    }

    /// The position at a UTF-8 column of a line, clamped to a character boundary inside the line.
    public func position(line: Int, utf8Column: Int) -> SourcePosition {
        let content = lineContent(line)
        let column = UTF8Columns.characterStart(ofByteOffset: utf8Column, in: content)
        return SourcePosition(line: line, utf8Column: column,
                              utf16Column: UTF8Columns.utf16Column(ofByteOffset: column, in: content))
    }

    /// The position at a UTF-16 column of a line, clamped to a character boundary inside the line.
    public func position(line: Int, utf16Column: Int) -> SourcePosition {
        let content = lineContent(line)
        let byte = UTF8Columns.byteOffset(ofUTF16Column: utf16Column, in: content)
        return SourcePosition(line: line, utf8Column: byte,
                              utf16Column: UTF8Columns.utf16Column(ofByteOffset: byte, in: content))
    }

    /// The position at a column in the given encoding.
    public func position(line: Int, column: Int, encoding: PositionEncoding) -> SourcePosition {
        encoding == .utf8 ? position(line: line, utf8Column: column) : position(line: line, utf16Column: column)
    }

    /// The byte offset of a position (its UTF-8 column is authoritative).
    public func byteOffset(of position: SourcePosition) -> Int {
        guard let range = lines.contentRange(ofLine: position.line) else { return bytes.count }
        return range.lowerBound + min(position.utf8Column, range.count)
    }
}
