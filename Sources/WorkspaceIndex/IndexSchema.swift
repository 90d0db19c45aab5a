import SQLite

/// The index's tables, versioned. A database from a newer datalint, or one that fails its integrity check, is not
/// migrated: it is rebuilt (`WorkspaceIndex.init(path:)`), because everything in it can be recomputed from the
/// files. An older one is migrated, keeping its rows, so an upgrade does not cost a workspace its whole index.
///
/// Hashes are stored with `SQLiteValue.uint64` (signed bit patterns): equality and key order are all the queries
/// rely on, never unsigned order.
enum IndexSchema {
    static var migrator: Migrator {
        var migrator = Migrator()
        migrator.register(version: 1) { connection in
            try connection.execute("""
                CREATE TABLE files (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    size INTEGER NOT NULL,
                    modification_time INTEGER NOT NULL,
                    content_hash INTEGER NOT NULL
                );
                CREATE TABLE records (
                    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
                    line INTEGER NOT NULL,
                    exact_hash INTEGER NOT NULL,
                    prompt_hash INTEGER,
                    PRIMARY KEY (file_id, line)
                ) WITHOUT ROWID;
                CREATE INDEX records_by_exact_hash ON records(exact_hash);
                CREATE INDEX records_by_prompt_hash ON records(prompt_hash) WHERE prompt_hash IS NOT NULL;
                CREATE TABLE bands (
                    band_key INTEGER NOT NULL,
                    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
                    line INTEGER NOT NULL
                );
                CREATE INDEX bands_by_key ON bands(band_key);
                CREATE INDEX bands_by_record ON bands(file_id, line);
                """)
        }
        // Version 2 keeps the hashes records are looked up by in tables of their own, ordered by file first.
        // Version 1 kept them in workspace-wide hash order (two indexes on records, a heap of bands with two more),
        // so writing a large file scattered millions of inserts over four b-trees, and replacing it as many
        // deletes. Ordered by file, then hash, a file's hashes are one range of each table: written in order at
        // its end, dropped as one piece. Comparing a file with the others walks its hashes in order once per
        // other file, looking each up in that file's range, in order too (see `IndexQueries.swift`). One table
        // per kind rather than a kind column: every lookup would compare one more column, and the near-duplicate
        // join took 40% longer.
        //
        // The hash tables have no foreign key: SQLite would look the file up again for every row written or
        // deleted, millions per large file (deleting a file's band rows took four times as long).
        // `WorkspaceIndex` deletes a file's hashes itself, in the same transaction as the file.
        migrator.register(version: 2) { connection in
            // Records keep what another file's diagnostic needs (signature, lengths) and their own band keys, so
            // editing a record finds all its hash rows without a search.
            try connection.execute("""
                ALTER TABLE records ADD COLUMN signature BLOB;
                ALTER TABLE records ADD COLUMN band_keys BLOB;
                ALTER TABLE records ADD COLUMN utf8_length INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE records ADD COLUMN utf16_length INTEGER NOT NULL DEFAULT 0;
                DROP INDEX records_by_exact_hash;
                DROP INDEX records_by_prompt_hash;
                """)
            for kind in HashKind.allCases {
                try connection.execute("""
                    CREATE TABLE \(kind.table) (
                        file_id INTEGER NOT NULL,
                        hash INTEGER NOT NULL,
                        line INTEGER NOT NULL,
                        PRIMARY KEY (file_id, hash, line)
                    ) WITHOUT ROWID
                    """)
            }
            try connection.execute("""
                INSERT OR IGNORE INTO \(HashKind.exact.table) SELECT file_id, exact_hash, line FROM records;
                INSERT OR IGNORE INTO \(HashKind.prompt.table) SELECT file_id, prompt_hash, line FROM records
                    WHERE prompt_hash IS NOT NULL;
                INSERT OR IGNORE INTO \(HashKind.band.table) SELECT file_id, band_key, line FROM bands;
                """)
            try copyBandKeysIntoRecords(connection)
            try connection.execute("DROP TABLE bands")
        }
        return migrator
    }

    /// Fills the new `records.band_keys` of version 1's records from their rows in the old bands table, in the
    /// order they were written.
    private static func copyBandKeysIntoRecords(_ connection: Connection) throws {
        let update = try connection.prepare("UPDATE records SET band_keys = ? WHERE file_id = ? AND line = ?")
        var record: (file: Int64, line: Int64)?
        var keys: [UInt64] = []
        func flush() throws {
            guard let record, let blob = LittleEndianBlob.encode(keys) else { return }
            try update.bind([.blob(blob), .integer(record.file), .integer(record.line)])
            try update.run()
        }
        try connection.forEachRow("SELECT file_id, line, band_key FROM bands ORDER BY file_id, line, rowid") { row in
            guard let file = row[0].int64Value, let line = row[1].int64Value, let key = row[2].uint64Value else { return }
            if record.map({ $0 != (file, line) }) ?? true {
                try flush()
                record = (file, line)
                keys.removeAll(keepingCapacity: true)
            }
            keys.append(key)
        }
        try flush()
    }
}

/// The hashes records are looked up by, each kind in its table of (file_id, hash, line).
enum HashKind: CaseIterable {
    /// The whole record, normalized (`IndexedRecord.exactHash`).
    case exact
    /// The prompt alone (`IndexedRecord.promptHash`); records without one have no row.
    case prompt
    /// The MinHash band keys (`IndexedRecord.bandKeys`).
    case band

    var table: String {
        switch self {
        case .exact: "exact_hashes"
        case .prompt: "prompt_hashes"
        case .band: "band_hashes"
        }
    }
}
