import CSQLite

/// One prepared SQL statement, finalized when released.
///
/// Like its `Connection`, a statement is confined to one owner and is not `Sendable`. It keeps the database
/// handle alive, so it stays valid even if the connection is released first.
///
/// Typical use, which allocates nothing per row beyond the values read:
///
///     let statement = try connection.cachedStatement("SELECT path FROM files WHERE hash = ?")
///     try statement.bind([.uint64(hash)])
///     while try statement.step() { paths.append(statement.string(at: 0) ?? "") }
public final class Statement {
    /// The SQL text the statement was prepared from.
    public let sql: String

    let pointer: OpaquePointer
    let handle: DatabaseHandle

    init(pointer: OpaquePointer, handle: DatabaseHandle, sql: String) {
        self.pointer = pointer
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(pointer)
    }

    /// The number of `?`, `?NNN`, `:name`, `@name` and `$name` parameters.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(pointer)) }

    /// Whether the statement has started stepping and has not yet finished or been reset.
    public var isInProgress: Bool { sqlite3_stmt_busy(pointer) != 0 }

    /// Runs the statement one step. Returns true when a row is ready to read, false when it is done.
    ///
    /// After an error, or to run again before it is done, call `reset()`.
    public func step() throws -> Bool {
        let result = sqlite3_step(pointer)
        switch result {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(resultCode: result, database: handle.pointer, sql: sql)
        }
    }

    /// Rewinds the statement so it can run again; bindings are kept (see `clearBindings()`).
    ///
    /// Also ends the read a half-read query holds, which matters in WAL mode: an open read pins a snapshot
    /// and stops checkpoints from shrinking the WAL file.
    public func reset() {
        // sqlite3_reset repeats the error of the last step, which `step()` has already thrown.
        sqlite3_reset(pointer)
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(pointer)
    }

    /// Steps until done, ignoring any rows (for INSERT, UPDATE, DELETE, DDL and pragmas).
    public func run() throws {
        defer { reset() }
        while try step() {}
    }

    /// Steps through every row, handing each one to `body`, then resets the statement — also when `body` or
    /// a step throws, so an abandoned query never keeps its read open.
    public func forEachRow(_ body: (Row) throws -> Void) throws {
        defer { reset() }
        let names = columnNames
        while try step() {
            try body(row(columnNames: names))
        }
    }

    /// Every remaining row, collected.
    public func rows() throws -> [Row] {
        var rows: [Row] = []
        try forEachRow { rows.append($0) }
        return rows
    }
}

// Confined like the connection it came from.
@available(*, unavailable, message: "a Statement is confined to the owner of its Connection")
extension Statement: Sendable {}
