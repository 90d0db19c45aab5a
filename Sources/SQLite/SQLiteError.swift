import CSQLite

/// An error reported by SQLite, with everything needed to tell what went wrong and where.
///
/// Codes are SQLite's own numbers (https://www.sqlite.org/rescode.html), which are a stable part of its ABI.
/// Callers rarely need them: the `is…` properties answer the questions callers act on (retry later, rebuild
/// the index, report a duplicate).
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code, e.g. 2067 (`SQLITE_CONSTRAINT_UNIQUE`). Connections turn extended codes on.
    public let extendedCode: Int32
    /// The message SQLite gave (`sqlite3_errmsg`), read right after the failing call, before anything else
    /// could overwrite it.
    public let message: String
    /// The SQL being prepared or run, if the error came from a statement.
    public let sql: String?

    /// The primary result code, e.g. 19 (`SQLITE_CONSTRAINT`): the low byte of the extended code.
    public var code: Int32 { extendedCode & 0xFF }

    /// Another connection holds a lock for longer than the busy timeout; the operation may succeed later.
    public var isBusy: Bool { code == SQLITE_BUSY }

    /// The file is damaged or is not a database at all. The index is a cache, so the caller should delete
    /// and rebuild it rather than trust anything read from it.
    public var isCorrupt: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }

    /// A UNIQUE, NOT NULL, CHECK, PRIMARY KEY or FOREIGN KEY constraint refused the change.
    public var isConstraint: Bool { code == SQLITE_CONSTRAINT }

    public var description: String {
        let name = String(cString: sqlite3_errstr(extendedCode))
        var text = "SQLite error \(extendedCode) (\(name)): \(message)"
        if let sql { text += " — in: \(sql)" }
        return text
    }

    init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// The error a call on `database` just returned as `resultCode`.
    ///
    /// The connection's last error code is preferred because it is the extended one; it is used only when it
    /// agrees with `resultCode`, so a stale code from an earlier call can never be reported.
    init(resultCode: Int32, database: OpaquePointer?, sql: String? = nil) {
        guard let database else {
            self.init(extendedCode: resultCode, message: String(cString: sqlite3_errstr(resultCode)), sql: sql)
            return
        }
        let last = sqlite3_extended_errcode(database)
        let extended = (last & 0xFF) == (resultCode & 0xFF) ? last : resultCode
        self.init(extendedCode: extended, message: String(cString: sqlite3_errmsg(database)), sql: sql)
    }

    /// A misuse of this wrapper's API (wrong number of bindings, an unknown parameter name), reported with
    /// SQLite's own code for misuse so that callers handle one error type.
    static func misuse(_ message: String, sql: String?) -> SQLiteError {
        SQLiteError(extendedCode: SQLITE_MISUSE, message: message, sql: sql)
    }
}
