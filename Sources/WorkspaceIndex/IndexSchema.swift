import SQLite

/// The index's tables, versioned. A database from a newer datalint, or one that fails its integrity check, is not
/// migrated: it is rebuilt (`WorkspaceIndex.open`), because everything in it can be recomputed from the files.
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
        return migrator
    }
}
