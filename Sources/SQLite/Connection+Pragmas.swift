import CSQLite

// Reading and writing the database header, and checking the file's health.
extension Connection {
    /// The schema version stored in the file header (`PRAGMA user_version`); 0 for a new database.
    public func userVersion() throws -> Int {
        Int(try scalar("PRAGMA user_version")?.int64Value ?? 0)
    }

    /// Stores the schema version in the file header. Pragmas take no parameters, hence the literal.
    public func setUserVersion(_ version: Int) throws {
        try execute("PRAGMA user_version = \(Int32(clamping: version))")
    }

    /// Checks the file for damage with `PRAGMA quick_check` and throws an error whose `isCorrupt` is true,
    /// carrying SQLite's findings as its message, if there is any.
    ///
    /// quick_check finds damaged pages and b-trees in time linear in the file size; it skips only the
    /// index-versus-table cross-check of the full `integrity_check`, which is much slower on a large index.
    /// A throw (rather than a list of findings) gives callers one path for every kind of corruption: catch
    /// `isCorrupt`, delete the index, rebuild.
    public func integrityCheck() throws {
        let sql = "PRAGMA quick_check"
        var findings: [String] = []
        try forEachRow(sql) { row in
            if let finding = row[0].stringValue, finding != "ok" {
                findings.append(finding)
            }
        }
        if !findings.isEmpty {
            throw SQLiteError(extendedCode: SQLITE_CORRUPT, message: findings.joined(separator: "\n"), sql: sql)
        }
    }
}
