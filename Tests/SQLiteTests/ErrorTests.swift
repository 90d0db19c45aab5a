import SQLite
import Testing

@Test func syntaxErrorCarriesTheSQLAndMessage() throws {
    let connection = try Connection.inMemory()
    let error = #expect(throws: SQLiteError.self) {
        try connection.query("SELEC hash FROM records")
    }
    #expect(error?.sql == "SELEC hash FROM records")
    #expect(error?.message.contains("syntax error") == true)
    #expect(error?.code == 1)  // SQLITE_ERROR
    #expect(error?.isBusy == false && error?.isCorrupt == false && error?.isConstraint == false)
    #expect(error?.description.contains("SELEC hash FROM records") == true)
}

@Test func scriptErrorNamesTheFailingStatement() throws {
    let connection = try Connection.inMemory()
    let error = #expect(throws: SQLiteError.self) {
        try connection.execute("""
            CREATE TABLE t(x);
            INSERT INTO missing VALUES (1);
            """)
    }
    #expect(error?.sql == "INSERT INTO missing VALUES (1)")
    #expect(error?.message.contains("no such table: missing") == true)
    // The statement before the failure ran: scripts are not atomic on their own.
    #expect(try connection.scalar("SELECT count(*) FROM sqlite_schema") == .integer(1))
}

@Test func readOnlyConnectionRefusesWrites() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    let writer = try Connection(path: path)
    try writer.execute("CREATE TABLE t(x)")
    let reader = try Connection(path: path, readOnly: true)
    let error = #expect(throws: SQLiteError.self) {
        try reader.execute("INSERT INTO t VALUES (?)", [1])
    }
    #expect(error?.code == 8)  // SQLITE_READONLY
    #expect(try reader.scalar("SELECT count(*) FROM t") == .integer(0))
}

@Test func missingFileCannotBeOpenedReadOnly() throws {
    let directory = try TemporaryDirectory()
    let error = #expect(throws: SQLiteError.self) {
        try Connection(path: directory.path("absent.sqlite"), readOnly: true)
    }
    #expect(error?.code == 14)  // SQLITE_CANTOPEN
}
