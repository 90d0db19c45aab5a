import Foundation
import SQLite

/// The persistent index of a workspace's datasets: per file and record, exact and prompt hashes, MinHash band
/// keys and signatures, and line lengths. It lives in SQLite (WAL, busy timeout) so that reopening a large
/// workspace needs no re-reading, several datalint processes can share it, and an edited record updates just its
/// rows. Writing is in `IndexWrites.swift`, reading in `IndexQueries.swift`.
///
/// An index is confined to its owner (the language server keeps it in an actor), as SQLite's connections are
/// not thread-safe in the mode they are opened in.
public final class WorkspaceIndex {
    /// Replaced only by `rebuild`; everything else uses the one connection.
    private(set) var connection: Connection
    public let path: String
    private let busyTimeout: Duration
    /// Said when the file on disk had to be replaced: corrupt, written by a newer datalint, or rebuilt on request.
    public private(set) var rebuildReason: String?

    /// Opens the index at `path`, creating it, migrating it, or rebuilding it when its contents cannot be used.
    ///
    /// Only a file whose contents are at fault is rebuilt. Any other failure (another process holding the write
    /// lock past `busyTimeout`, a read-only directory, a full disk) is thrown: the file may be healthy and in use
    /// by another datalint, and deleting it under that process would lose its work.
    public init(path: String, busyTimeout: Duration = .seconds(5)) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        do {
            connection = try Self.openChecked(path, busyTimeout: busyTimeout)
        } catch where Self.contentsAreAtFault(error) {
            // The failed connection is released by now: it must be closed before its files go (see `rebuild`).
            rebuildReason = Self.describe(error)
            Self.remove(path)
            connection = try Self.openChecked(path, busyTimeout: busyTimeout)
        }
    }

    /// An index in memory, for one run that needs no persistence.
    public init(inMemory: Void = ()) throws {
        path = ":memory:"
        busyTimeout = .zero
        connection = try Self.openChecked(path, busyTimeout: busyTimeout)
    }

    /// Throws the index away and starts an empty one in its place, recording why in `rebuildReason`. Callers use
    /// it when an operation throws an error whose `isCorrupt` is true: the index is a cache of the files, so
    /// re-indexing them is the repair, and nothing read from a damaged file can be trusted.
    ///
    /// The files are deleted rather than emptied with SQL, because dropping tables must read the damaged pages
    /// it frees. Another process that still has the old file open keeps working on it until it reopens the
    /// index; as it shares the damage, it meets the same error and rebuilds too. If rebuilding throws (the
    /// directory is gone, the disk is full), the index has no tables until a later `rebuild` succeeds: every
    /// use throws rather than quietly working on nothing.
    /// True when `error` says the index file is damaged: the cue for `rebuild(after:)`.
    public static func isDamage(_ error: any Error) -> Bool {
        (error as? SQLiteError)?.isCorrupt == true
    }

    public func rebuild(after error: (any Error)? = nil) throws {
        // The old connection must be closed before its files are removed: closing the last connection to a
        // database checkpoints and deletes its WAL *by name*, which would then be the new index's WAL.
        connection = try Connection.inMemory()
        if path != ":memory:" { Self.remove(path) }
        connection = try Self.openChecked(path, busyTimeout: busyTimeout)
        rebuildReason = error.map(Self.describe) ?? "the index was rebuilt on request"
    }

    /// Opening reads the header (a file that is not a database fails here) and the schema version; a full integrity
    /// check would read the whole file, which reopening a large workspace cannot afford: `verifyIntegrity()` does it
    /// on demand, and damage found later surfaces as an `isCorrupt` error from the query that met it.
    private static func openChecked(_ path: String, busyTimeout: Duration) throws -> Connection {
        let connection = try Connection(path: path, busyTimeout: busyTimeout)
        _ = try IndexSchema.migrator.migrate(connection)
        return connection
    }

    /// Whether a failure to open says the file itself is unusable as an index (so rebuilding is the fix), rather
    /// than that it is busy or cannot be reached right now.
    private static func contentsAreAtFault(_ error: any Error) -> Bool {
        if error is MigrationError { return true }
        guard let error = error as? SQLiteError else { return false }
        // A generic SQL error while migrating means the tables are not the ones the version in the header
        // promises (a file some other program wrote, or one edited by hand).
        return error.isCorrupt || error.code == 1  // SQLITE_ERROR
    }

    private static func describe(_ error: any Error) -> String {
        if case MigrationError.databaseIsNewer(let found, let known) = error {
            return "the index was written by a newer datalint (schema \(found), this one knows \(known)); rebuilt it"
        }
        if let error = error as? SQLiteError, error.isCorrupt {
            return "the index was damaged (\(error.message)); rebuilt it"
        }
        return "the index could not be used (\(error)); rebuilt it"
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

    public var indexedFiles: [String] {
        get throws { try connection.query("SELECT path FROM files ORDER BY path").compactMap { $0[0].stringValue } }
    }

    func fileID(of file: String) throws -> Int64? {
        try connection.scalar("SELECT id FROM files WHERE path = ?", [.text(file)])?.int64Value
    }
}

// Spelled out, like `Connection`'s: the index owns a connection, which must stay with one owner.
@available(*, unavailable, message: "a WorkspaceIndex is confined to one owner, such as an actor")
extension WorkspaceIndex: Sendable {}
