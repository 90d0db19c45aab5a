import CSQLite

// Preparing statements, and the per-connection cache of prepared statements keyed by SQL text.
extension Connection {
    /// How many statements the cache keeps. The index uses a fixed set of SQL texts, far fewer than this;
    /// the bound only stops SQL built at run time from growing the cache without end.
    static let statementCacheLimit = 64

    /// Prepares `sql`, which must hold exactly one statement, as a new statement the caller owns.
    public func prepare(_ sql: String) throws -> Statement {
        try prepareSingle(sql, persistent: false)
    }

    /// The connection's prepared statement for `sql`, reset and with its bindings cleared.
    ///
    /// Preparing is costly next to running, so a statement is prepared once per SQL text and reused. SQLite
    /// re-prepares it by itself if the schema changes. The statement is shared: use it and let it go before
    /// asking for the same SQL again. If it is still mid-iteration when asked for again (a query nested
    /// inside a loop over the same SQL), a fresh statement is returned instead, so the outer loop is not
    /// rewound under its feet.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let cached = statementCache[sql] {
            if !cached.isInProgress {
                cached.reset()
                cached.clearBindings()
                return cached
            }
            return try prepareSingle(sql, persistent: false)
        }
        let statement = try prepareSingle(sql, persistent: true)
        if statementCache.count >= Self.statementCacheLimit {
            // Evict any one entry: which one barely matters at this size, and an evicted statement still in
            // use stays alive through its user's reference.
            statementCache.remove(at: statementCache.startIndex)
        }
        statementCache[sql] = statement
        return statement
    }

    private func prepareSingle(_ sql: String, persistent: Bool) throws -> Statement {
        let database = handle.pointer
        // PERSISTENT tells SQLite the statement is long-lived, so it keeps it out of the small-allocation pool.
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        var prepared: OpaquePointer?
        let (result, hasMore) = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let result = sqlite3_prepare_v3(database, text, -1, flags, &prepared, &tail)
            return (result, result == SQLITE_OK && tail.map { containsStatement($0) } == true)
        }
        guard result == SQLITE_OK else {
            throw SQLiteError(resultCode: result, database: database, sql: sql)
        }
        guard let prepared else {
            throw SQLiteError.misuse("no SQL statement to prepare", sql: sql)
        }
        let statement = Statement(pointer: prepared, handle: handle, sql: sql)  // Finalized on every path.
        guard !hasMore else {
            // Only the first statement would run; the rest would be dropped without a word.
            throw SQLiteError.misuse("more than one SQL statement; use execute(_:) for scripts", sql: sql)
        }
        return statement
    }

    /// Whether `text` holds a statement, not just whitespace, semicolons or comments.
    func containsStatement(_ text: UnsafePointer<CChar>) -> Bool {
        var cursor = text
        while cursor.pointee != 0, Self.isSeparator(UInt8(bitPattern: cursor.pointee)) {
            cursor += 1
        }
        guard cursor.pointee != 0 else { return false }
        // Rare (a trailing comment): let SQLite's own tokenizer decide rather than parse comments here.
        var next: OpaquePointer?
        let result = sqlite3_prepare_v2(handle.pointer, cursor, -1, &next, nil)
        sqlite3_finalize(next)
        return result != SQLITE_OK || next != nil
    }

    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ";")
    }
}
