import DatasetText

/// A position as datalint prints it: 1-based line and column, the column in a chosen unit.
struct OneBasedPosition: Hashable, Sendable {
    var line: Int
    var column: Int

    init(_ position: SourcePosition, columns: PositionEncoding) {
        line = position.line + 1
        column = position.column(in: columns) + 1
    }
}
