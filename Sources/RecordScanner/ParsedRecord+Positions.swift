import DatasetText

/// Turning byte offsets of a record into the positions diagnostics report.
extension ParsedRecord {
    /// The exact position of a byte offset in this line, in every column unit.
    public func position(atByteOffset offset: Int) -> SourcePosition {
        withLineBytes { line in
            if syntaxError == nil {
                let column = min(max(offset, 0), line.count)
                return SourcePosition(line: lineNumber, utf8Column: column,
                                      utf16Column: UTF8Columns.utf16Column(ofByteOffset: column, inValidUTF8: line))
            }
            let column = UTF8Columns.characterStart(ofByteOffset: min(max(offset, 0), line.count), in: line)
            return SourcePosition(line: lineNumber, utf8Column: column,
                                  utf16Column: UTF8Columns.utf16Column(ofByteOffset: column, in: line))
        }
    }

    /// The exact range of a span of bytes in this line.
    public func range(of span: Range<Int>) -> SourceRange {
        SourceRange(start: position(atByteOffset: span.lowerBound), end: position(atByteOffset: span.upperBound))
    }

    /// The range of node `index`.
    public func range(ofNode index: Int) -> SourceRange { range(of: nodes[index].span) }

    /// The range of the whole line.
    public var lineSourceRange: SourceRange { range(of: 0..<lineRange.count) }
}
