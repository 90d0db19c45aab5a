import CSQLite

// Running SQL: scripts, single statements with bindings, and queries.
extension Connection {
    /// Runs a script of one or more statements, in order, ignoring any rows they return.
    ///
    /// Statements before a failing one stay applied; wrap the script in `transaction` to make it atomic.
    /// A failure carries the text of the failing statement (or, if it did not parse, the rest of the script).
    public func execute(_ sql: String) throws {
        let database = handle.pointer
        try sql.withCString { start in
            var cursor = start
            while cursor.pointee != 0 {
                var prepared: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let result = sqlite3_prepare_v2(database, cursor, -1, &prepared, &tail)
                guard result == SQLITE_OK else {
                    throw SQLiteError(resultCode: result, database: database, sql: Self.trimmed(cursor))
                }
                if let prepared {  // nil for whitespace or a comment
                    let statement = Statement(pointer: prepared, handle: handle, sql: Self.trimmed(cursor, upTo: tail))
                    try statement.run()
                }
                guard let tail, tail != cursor else { break }
                cursor = tail
            }
        }
    }

    /// Runs one statement with positional bindings, using the statement cache.
    public func execute(_ sql: String, _ bindings: [SQLiteValue]) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(bindings)
        try statement.run()
    }

    /// Runs one statement with named bindings, using the statement cache.
    public func execute(_ sql: String, _ bindings: [String: SQLiteValue]) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(bindings)
        try statement.run()
    }

    /// Every row of one query with positional bindings.
    public func query(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> [Row] {
        let statement = try cachedStatement(sql)
        try statement.bind(bindings)
        return try statement.rows()
    }

    /// Every row of one query with named bindings.
    public func query(_ sql: String, _ bindings: [String: SQLiteValue]) throws -> [Row] {
        let statement = try cachedStatement(sql)
        try statement.bind(bindings)
        return try statement.rows()
    }

    /// Streams the rows of one query to `body` without collecting them. The statement is reset afterwards,
    /// also when `body` throws to stop early.
    public func forEachRow(_ sql: String, _ bindings: [SQLiteValue] = [], _ body: (Row) throws -> Void) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(bindings)
        try statement.forEachRow(body)
    }

    /// The first column of the first row, or nil when the query returns no row.
    public func scalar(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> SQLiteValue? {
        let statement = try cachedStatement(sql)
        try statement.bind(bindings)
        defer { statement.reset() }
        return try statement.step() ? statement.value(at: 0) : nil
    }

    /// The SQL between `start` and `end` (or the end of the string), without surrounding separators, for
    /// error messages.
    private static func trimmed(_ start: UnsafePointer<CChar>, upTo end: UnsafePointer<CChar>? = nil) -> String {
        var bytes: [UInt8] = []
        var cursor = start
        while cursor.pointee != 0, cursor != end {
            bytes.append(UInt8(bitPattern: cursor.pointee))
            cursor += 1
        }
        let first = bytes.firstIndex { !isSeparator($0) } ?? bytes.endIndex
        let last = bytes.lastIndex { !isSeparator($0) }.map { $0 + 1 } ?? first
        return String(decoding: bytes[first..<max(first, last)], as: UTF8.self)
    }
}
