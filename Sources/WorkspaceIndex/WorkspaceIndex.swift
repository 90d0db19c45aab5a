import Foundation
import SQLite

/// The persistent index of a workspace's datasets: per file and record, exact and prompt hashes and MinHash band
/// keys. It lives in SQLite (WAL, busy timeout) so that reopening a large workspace needs no re-reading, several
/// datalint processes can share it, and an edited record updates just its rows.
///
/// A connection is confined to its owner (the language server keeps the index in an actor), as SQLite's
/// connections are not thread-safe in the mode they are opened in.
public final class WorkspaceIndex {
    private let connection: Connection
    public let path: String
    /// Said when the file on disk had to be replaced: corrupt, or written by a newer datalint.
    public private(set) var rebuildReason: String?

    /// Opens the index at `path`, creating it, migrating it, or rebuilding it when it cannot be used as it is.
    public init(path: String) throws {
        self.path = path
        do {
            connection = try Self.openChecked(path)
        } catch {
            rebuildReason = Self.describe(error)
            Self.remove(path)
            connection = try Self.openChecked(path)
        }
    }

    /// An index in memory, for one run that needs no persistence.
    public init(inMemory: Void = ()) throws {
        path = ":memory:"
        connection = try Connection.inMemory()
        _ = try IndexSchema.migrator.migrate(connection)
    }

    /// Opening reads the header (a file that is not a database fails here) and the schema version; a full integrity
    /// check would read the whole file, which reopening a large workspace cannot afford: `verifyIntegrity()` does it
    /// on demand, and damage found later surfaces as an `isCorrupt` error from the query that met it.
    private static func openChecked(_ path: String) throws -> Connection {
        let connection = try Connection(path: path)
        _ = try IndexSchema.migrator.migrate(connection)
        try connection.execute("PRAGMA foreign_keys = ON")
        return connection
    }

    private static func describe(_ error: any Error) -> String {
        if case MigrationError.databaseIsNewer(let found, let known) = error {
            return "the index was written by a newer datalint (schema \(found), this one knows \(known)); rebuilt it"
        }
        if let error = error as? SQLiteError, error.isCorrupt {
            return "the index was damaged (\(error.message)); rebuilt it"
        }
        return "the index could not be opened (\(error)); rebuilt it"
    }

    private static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Reads every page: throws an error whose `isCorrupt` is true when the file is damaged.
    public func verifyIntegrity() throws {
        try connection.integrityCheck()
    }

    // MARK: Files

    /// The fingerprint a file was indexed with, or nil when it is not in the index.
    public func fingerprint(of file: String) throws -> FileFingerprint? {
        let rows = try connection.query("SELECT size, modification_time, content_hash FROM files WHERE path = ?", [.text(file)])
        guard let row = rows.first, let size = row[0].int64Value, let time = row[1].int64Value,
              let hash = row[2].uint64Value else { return nil }
        return FileFingerprint(size: size, modificationTime: time, contentHash: hash)
    }

    /// Replaces everything indexed for `file` with `records`, in one transaction.
    public func replace(file: String, fingerprint: FileFingerprint, records: [IndexedRecord]) throws {
        try connection.transaction {
            try connection.execute("DELETE FROM files WHERE path = ?", [.text(file)])
            try connection.execute("INSERT INTO files(path, size, modification_time, content_hash) VALUES (?, ?, ?, ?)",
                                   [.text(file), .integer(fingerprint.size), .integer(fingerprint.modificationTime),
                                    .uint64(fingerprint.contentHash)])
            let fileID = connection.lastInsertRowID
            for record in records { try insert(record, fileID: fileID) }
        }
    }

    /// Updates one record of an indexed file (an edit in the language server), keeping every other row.
    public func update(file: String, record: IndexedRecord) throws {
        try connection.transaction {
            guard let fileID = try fileID(of: file) else { return }
            try connection.execute("DELETE FROM records WHERE file_id = ? AND line = ?", [.integer(fileID), .integer(Int64(record.line))])
            try connection.execute("DELETE FROM bands WHERE file_id = ? AND line = ?", [.integer(fileID), .integer(Int64(record.line))])
            try insert(record, fileID: fileID)
        }
    }

    public func remove(file: String) throws {
        try connection.execute("DELETE FROM files WHERE path = ?", [.text(file)])
    }

    public var indexedFiles: [String] {
        get throws { try connection.query("SELECT path FROM files ORDER BY path").compactMap { $0[0].stringValue } }
    }

    private func fileID(of file: String) throws -> Int64? {
        try connection.scalar("SELECT id FROM files WHERE path = ?", [.text(file)])?.int64Value
    }

    private func insert(_ record: IndexedRecord, fileID: Int64) throws {
        let line = SQLiteValue.integer(Int64(record.line))
        try connection.execute("INSERT INTO records(file_id, line, exact_hash, prompt_hash) VALUES (?, ?, ?, ?)",
                               [.integer(fileID), line, .uint64(record.exactHash), record.promptHash.map(SQLiteValue.uint64) ?? .null])
        for key in record.bandKeys {
            try connection.execute("INSERT INTO bands(band_key, file_id, line) VALUES (?, ?, ?)", [.uint64(key), .integer(fileID), line])
        }
    }

    // MARK: Queries

    /// Every record, in any indexed file, whose whole-record hash is `hash`.
    public func records(withExactHash hash: UInt64) throws -> [IndexedLocation] {
        try locations("SELECT f.path, r.line FROM records r JOIN files f ON f.id = r.file_id WHERE r.exact_hash = ? ORDER BY f.path, r.line", hash)
    }

    /// Every record whose prompt hashes to `hash`.
    public func records(withPromptHash hash: UInt64) throws -> [IndexedLocation] {
        try locations("SELECT f.path, r.line FROM records r JOIN files f ON f.id = r.file_id WHERE r.prompt_hash = ? ORDER BY f.path, r.line", hash)
    }

    /// Records sharing at least one band key with `keys`: the near-duplicate candidates to verify.
    public func candidates(sharingBandKeys keys: [UInt64]) throws -> Set<IndexedLocation> {
        var found: Set<IndexedLocation> = []
        for key in Set(keys) {
            found.formUnion(try locations("SELECT f.path, b.line FROM bands b JOIN files f ON f.id = b.file_id WHERE b.band_key = ?", key))
        }
        return found
    }

    private func locations(_ sql: String, _ key: UInt64) throws -> [IndexedLocation] {
        try connection.query(sql, [.uint64(key)]).compactMap { row in
            guard let path = row[0].stringValue, let line = row[1].int64Value else { return nil }
            return IndexedLocation(file: path, line: Int(line))
        }
    }
}
