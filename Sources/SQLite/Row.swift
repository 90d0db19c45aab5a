/// One result row, copied out of SQLite so it stays valid after the statement moves on.
public struct Row: Sendable, Equatable {
    /// The result column names, shared by every row of one query.
    public let columnNames: [String]
    /// The values, in column order.
    public let values: [SQLiteValue]

    public init(columnNames: [String], values: [SQLiteValue]) {
        self.columnNames = columnNames
        self.values = values
    }

    /// The value of the column at `index` (0-based).
    public subscript(index: Int) -> SQLiteValue { values[index] }

    /// The value of the first column named `name`, or nil if the query has no such column.
    /// A linear search: rows have few columns, and a dictionary per row would cost more than it saves.
    public subscript(name: String) -> SQLiteValue? {
        columnNames.firstIndex(of: name).map { values[$0] }
    }
}
