/// A place in a dataset file, in every column unit a client may ask for.
///
/// Lines and columns are 0-based here; the CLI adds one when it prints them. `utf8Column` counts bytes from
/// the start of the line and `utf16Column` counts UTF-16 code units, the two position encodings of LSP 3.17.
/// An invalid UTF-8 byte counts as one code unit in both, as it does once an editor decodes it to U+FFFD.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var utf8Column: Int
    public var utf16Column: Int

    public init(line: Int, utf8Column: Int, utf16Column: Int) {
        self.line = line
        self.utf8Column = utf8Column
        self.utf16Column = utf16Column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.utf8Column) < (rhs.line, rhs.utf8Column)
    }

    public var description: String { "\(line + 1):\(utf8Column + 1)" }
}

/// A half-open range between two positions.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// The empty range at the start of `line`.
    public static func lineStart(_ line: Int) -> SourceRange {
        let position = SourcePosition(line: line, utf8Column: 0, utf16Column: 0)
        return SourceRange(start: position, end: position)
    }

    public var description: String { "\(start)-\(end)" }
}

/// Which column unit positions are exchanged in.
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
}

extension SourcePosition {
    public func column(in encoding: PositionEncoding) -> Int {
        encoding == .utf8 ? utf8Column : utf16Column
    }
}
