import CSQLite

/// A connection to one SQLite database, configured for datalint's workspace index.
///
/// **Not thread-safe, and deliberately not `Sendable`.** A connection carries per-connection state that
/// SQLite does not protect across threads in the mode we open it (`SQLITE_OPEN_NOMUTEX`, which skips a mutex
/// per call), and that would be wrong to share anyway: the open transaction, the last error message (read
/// right after each failing call), and cached statements that are mid-iteration. Keep each connection
/// confined to one owner — typically an actor that owns it and runs every query synchronously, so no `await`
/// can interleave another caller's statements inside a transaction. The compiler enforces the confinement.
/// Concurrency *between* connections (the language server and CLI runs on one workspace) is SQLite's job:
/// WAL mode lets readers run beside one writer, and the busy timeout makes writers wait for each other.
public final class Connection {
    /// The path given when opening (":memory:" for a private in-memory database).
    public let path: String
    /// Whether the connection was opened read-only.
    public let isReadOnly: Bool

    let handle: DatabaseHandle
    var statementCache: [String: Statement] = [:]

    /// Opens the database at `path`, creating it unless `readOnly`.
    ///
    /// The connection waits up to `busyTimeout` for another connection's lock before failing with an error
    /// whose `isBusy` is true. A file that is not a database fails here with an error whose `isCorrupt` is true,
    /// because configuring the connection reads the file header.
    public init(path: String, readOnly: Bool = false, busyTimeout: Duration = .seconds(5)) throws {
        self.path = path
        self.isReadOnly = readOnly
        var flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        flags |= SQLITE_OPEN_NOMUTEX
        var database: OpaquePointer?
        let result = sqlite3_open_v2(path, &database, flags, nil)
        // SQLite returns a handle even when opening fails (so the message can be read); only running out of
        // memory leaves none.
        guard let database else {
            throw SQLiteError(resultCode: result, database: nil)
        }
        handle = DatabaseHandle(database)  // Owns the handle from here, so every later throw closes it.
        guard result == SQLITE_OK else {
            throw SQLiteError(resultCode: result, database: database)
        }
        sqlite3_extended_result_codes(database, 1)
        sqlite3_busy_timeout(database, Self.milliseconds(busyTimeout))
        try configure()
    }

    /// Opens a private, empty in-memory database (for tests and throwaway indexes).
    public static func inMemory() throws -> Connection {
        try Connection(path: ":memory:")
    }

    /// The rowid of the last row this connection inserted.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle.pointer) }

    /// The number of rows the last INSERT, UPDATE or DELETE changed.
    public var changes: Int { Int(sqlite3_changes64(handle.pointer)) }

    /// Whether a transaction is open (SQLite is out of autocommit mode).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle.pointer) == 0 }

    private func configure() throws {
        // Enforced per connection, not stored in the file, so every connection must ask.
        try execute("PRAGMA foreign_keys = ON")
        if !isReadOnly {
            // WAL lets the language server read while a CLI run writes. The mode is stored in the file; a
            // read-only connection cannot change it and simply uses whatever the writer chose. An in-memory
            // database answers "memory", which is fine.
            try execute("PRAGMA journal_mode = WAL")
        }
        // In WAL mode NORMAL is safe against corruption and only risks losing the last commits on power
        // loss — acceptable for an index that can be rebuilt, and much faster than FULL.
        try execute("PRAGMA synchronous = NORMAL")
        // Reads the header, so a file that is not a database is refused here rather than at the first query.
        // Some pragmas above happen to read it too, but that is an implementation detail of SQLite.
        _ = try scalar("PRAGMA schema_version")
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let milliseconds = (duration / .milliseconds(1)).rounded(.up)
        return Int32(max(0, min(milliseconds, Double(Int32.max))))
    }
}

// Spelled out so that no one adds a retroactive `@unchecked Sendable` conformance elsewhere: sharing a
// connection between threads is the bug this type exists to prevent (see the type's documentation).
@available(*, unavailable, message: "a Connection is confined to one owner, such as an actor")
extension Connection: Sendable {}
