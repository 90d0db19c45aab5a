import CSQLite

// Reading the current row. Indexes are 0-based, as in SQLite's column API. Valid only after `step()`
// returned true; the values are copied out, so they outlive the step.
extension Statement {
    /// The number of result columns (0 for statements that return no rows).
    public var columnCount: Int { Int(sqlite3_column_count(pointer)) }

    /// The result column names (the `AS` alias when there is one).
    public var columnNames: [String] {
        (0..<sqlite3_column_count(pointer)).map { column in
            sqlite3_column_name(pointer, column).map { String(cString: $0) } ?? ""
        }
    }

    /// The value of column `index` in the current row, in the storage class SQLite holds it in.
    public func value(at index: Int) -> SQLiteValue {
        let column = Int32(clamping: index)
        switch sqlite3_column_type(pointer, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(pointer, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(pointer, column))
        case SQLITE_TEXT:
            // The length comes from sqlite3_column_bytes, not a NUL search, so text with NULs survives. It
            // must be read after the pointer, as the pointer call may convert the value.
            let bytes = sqlite3_column_text(pointer, column)
            let count = Int(sqlite3_column_bytes(pointer, column))
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: bytes == nil ? 0 : count),
                                as: UTF8.self))
        case SQLITE_BLOB:
            // A zero-length blob has a NULL pointer, but is still a blob.
            let bytes = sqlite3_column_blob(pointer, column)
            let count = Int(sqlite3_column_bytes(pointer, column))
            return .blob(bytes.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? [])
        default:
            return .null
        }
    }

    /// The integer in column `index`, or nil if it holds another storage class.
    public func int64(at index: Int) -> Int64? { value(at: index).int64Value }

    /// The hash stored with `SQLiteValue.uint64(_:)` in column `index`.
    public func uint64(at index: Int) -> UInt64? { value(at: index).uint64Value }

    /// The real (or integer, widened) in column `index`.
    public func double(at index: Int) -> Double? { value(at: index).doubleValue }

    /// The text in column `index`, or nil if it holds another storage class.
    public func string(at index: Int) -> String? { value(at: index).stringValue }

    /// The blob in column `index`, or nil if it holds another storage class.
    public func blob(at index: Int) -> [UInt8]? { value(at: index).blobValue }

    /// The current row, copied.
    public func row() -> Row {
        row(columnNames: columnNames)
    }

    // Callers reading many rows look the names up once and share the array between rows.
    func row(columnNames: [String]) -> Row {
        Row(columnNames: columnNames, values: (0..<columnNames.count).map { value(at: $0) })
    }
}
