import SQLite

// Writing the index: a whole file at once (a check run, a file opened or saved), or one record (an edit).
extension WorkspaceIndex {
    private static let insertRecordSQL = """
        INSERT INTO records(file_id, line, exact_hash, prompt_hash, signature, band_keys, utf8_length, utf16_length)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Hash rows are written this many to a statement: running a statement has a fixed cost comparable to
    /// inserting a row, and a large file has millions of hash rows.
    private static let hashRowsPerStatement = 128

    /// Inserts `rows` rows into the table of `kind`: the file id is `?1`, then each row's hash and line.
    ///
    /// A record's band keys may repeat (a caller's data, or a 64-bit collision); the row is the same either way.
    private static func insertHashesSQL(_ kind: HashKind, rows: Int) -> String {
        let values = (0..<rows).map { "(?1, ?\(2 + 2 * $0), ?\(3 + 2 * $0))" }.joined(separator: ", ")
        return "INSERT OR IGNORE INTO \(kind.table)(file_id, hash, line) VALUES \(values)"
    }

    /// Replaces everything indexed for `file` with `records`, in one transaction: other processes see the old
    /// file or the new one, never a mix.
    ///
    /// A large file is millions of rows (16 band keys a record), so each row costs only binds and a share of a
    /// step of a statement prepared once, and the hash rows go in the table's order (`HashRows`). The file gets
    /// a new id, the highest, so all its rows go at the end of each b-tree.
    public func replace(file: String, fingerprint: FileFingerprint, records: [IndexedRecord]) throws {
        try connection.transaction {
            try deleteFile(file)
            try connection.execute("INSERT INTO files(path, size, modification_time, content_hash) VALUES (?, ?, ?, ?)",
                                   [.text(file), .integer(fingerprint.size), .integer(fingerprint.modificationTime),
                                    .uint64(fingerprint.contentHash)])
            let fileID = connection.lastInsertRowID
            let insertRecord = try connection.cachedStatement(Self.insertRecordSQL)
            for record in records {
                try insert(record, fileID: fileID, using: insertRecord)
            }
            try insertHashes(of: records, fileID: fileID)
        }
    }

    /// Updates one record of an indexed file (an edit in the language server), keeping every other row.
    public func update(file: String, record: IndexedRecord) throws {
        try connection.transaction {
            guard let fileID = try fileID(of: file) else { return }
            try deleteRecord(fileID: fileID, line: Int64(record.line))
            try insert(record, fileID: fileID, using: connection.cachedStatement(Self.insertRecordSQL))
            try insertHashes(of: [record], fileID: fileID)
        }
    }

    /// Removes one record of an indexed file (its line was emptied or no longer holds a record).
    public func remove(file: String, line: Int) throws {
        try connection.transaction {
            guard let fileID = try fileID(of: file) else { return }
            try deleteRecord(fileID: fileID, line: Int64(line))
        }
    }

    private func deleteRecord(fileID: Int64, line: Int64) throws {
        // The old record names its own hash rows: deleting them needs no search.
        guard let old = try self.record(fileID: fileID, line: line) else { return }
        for kind in HashKind.allCases {
            for row in HashRows(kind, of: [old]).rows {
                try connection.execute("DELETE FROM \(kind.table) WHERE file_id = ? AND hash = ? AND line = ?",
                                       [.integer(fileID), .integer(row.hash), .integer(line)])
            }
        }
        try connection.execute("DELETE FROM records WHERE file_id = ? AND line = ?", [.integer(fileID), .integer(line)])
    }

    public func remove(file: String) throws {
        try connection.transaction { try deleteFile(file) }
    }

    /// Deletes a file's rows: its hashes by hand (they have no foreign key, see `IndexSchema`), its records by
    /// the cascade from `files`.
    private func deleteFile(_ file: String) throws {
        guard let fileID = try fileID(of: file) else { return }
        for kind in HashKind.allCases {
            try connection.execute("DELETE FROM \(kind.table) WHERE file_id = ?", [.integer(fileID)])
        }
        try connection.execute("DELETE FROM files WHERE id = ?", [.integer(fileID)])
    }

    private func insert(_ record: IndexedRecord, fileID: Int64, using statement: Statement) throws {
        try statement.bind(.integer(fileID), at: 1)
        try statement.bind(.integer(Int64(record.line)), at: 2)
        try statement.bind(.uint64(record.exactHash), at: 3)
        try statement.bind(record.promptHash.map(SQLiteValue.uint64) ?? .null, at: 4)
        try statement.bind(LittleEndianBlob.encode(record.signature).map(SQLiteValue.blob) ?? .null, at: 5)
        try statement.bind(LittleEndianBlob.encode(record.bandKeys).map(SQLiteValue.blob) ?? .null, at: 6)
        try statement.bind(.integer(Int64(record.utf8Length)), at: 7)
        try statement.bind(.integer(Int64(record.utf16Length)), at: 8)
        try statement.run()
    }

    private func insertHashes(of records: [IndexedRecord], fileID: Int64) throws {
        for kind in HashKind.allCases {
            let rows = HashRows(kind, of: records).rows
            var start = rows.startIndex
            if rows.count >= Self.hashRowsPerStatement {
                let batch = try connection.cachedStatement(Self.insertHashesSQL(kind, rows: Self.hashRowsPerStatement))
                try batch.bind(.integer(fileID), at: 1)  // Bindings stay until rebound: set once for all rows.
                while rows.endIndex - start >= Self.hashRowsPerStatement {
                    try bind(rows[start..<(start + Self.hashRowsPerStatement)], to: batch)
                    try batch.run()
                    start += Self.hashRowsPerStatement
                }
            }
            guard start < rows.endIndex else { continue }
            let single = try connection.cachedStatement(Self.insertHashesSQL(kind, rows: 1))
            try single.bind(.integer(fileID), at: 1)
            for index in start..<rows.endIndex {
                try bind(rows[index...index], to: single)
                try single.run()
            }
        }
    }

    private func bind(_ rows: ArraySlice<HashRows.Row>, to statement: Statement) throws {
        var parameter = 2
        for row in rows {
            try statement.bind(.integer(row.hash), at: parameter)
            try statement.bind(.integer(row.line), at: parameter + 1)
            parameter += 2
        }
    }
}
