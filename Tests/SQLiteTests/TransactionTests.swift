import SQLite
import Testing

private struct Abort: Error {}

@Test func transactionCommitsWhenBodyReturns() throws {
    let connection = try Connection.inMemory()
    try connection.execute("CREATE TABLE t(n INTEGER)")
    let inserted = try connection.transaction {
        try connection.execute("INSERT INTO t VALUES (?)", [1])
        #expect(connection.isInTransaction)
        return connection.lastInsertRowID
    }
    #expect(inserted == 1)
    #expect(!connection.isInTransaction)
    #expect(try connection.scalar("SELECT count(*) FROM t") == .integer(1))
}

@Test func transactionRollsBackWhenBodyThrows() throws {
    let connection = try Connection.inMemory()
    try connection.execute("CREATE TABLE t(n INTEGER)")
    #expect(throws: Abort.self) {
        try connection.transaction {
            try connection.execute("INSERT INTO t VALUES (?)", [1])
            throw Abort()
        }
    }
    #expect(!connection.isInTransaction)
    #expect(try connection.scalar("SELECT count(*) FROM t") == .integer(0))
}

@Test func constraintViolationRollsBackTheWholeTransaction() throws {
    let connection = try Connection.inMemory()
    try connection.execute("CREATE TABLE t(n INTEGER UNIQUE)")
    let error = #expect(throws: SQLiteError.self) {
        try connection.transaction {
            try connection.execute("INSERT INTO t VALUES (?)", [1])
            try connection.execute("INSERT INTO t VALUES (?)", [1])
        }
    }
    #expect(error?.isConstraint == true)
    #expect(error?.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE: extended codes are on.
    #expect(try connection.scalar("SELECT count(*) FROM t") == .integer(0))
}

@Test func nestedTransactionRollsBackAloneAsASavepoint() throws {
    let connection = try Connection.inMemory()
    try connection.execute("CREATE TABLE t(n INTEGER)")
    try connection.transaction {
        try connection.execute("INSERT INTO t VALUES (?)", [1])
        #expect(throws: Abort.self) {
            try connection.transaction {
                try connection.execute("INSERT INTO t VALUES (?)", [2])
                throw Abort()
            }
        }
        #expect(connection.isInTransaction)
    }
    #expect(try connection.query("SELECT n FROM t").map { $0[0] } == [1])
}

@Test func foreignKeysAreEnforced() throws {
    let connection = try Connection.inMemory()
    try connection.execute("""
        CREATE TABLE files(id INTEGER PRIMARY KEY);
        CREATE TABLE records(file INTEGER NOT NULL REFERENCES files(id));
        """)
    let error = #expect(throws: SQLiteError.self) {
        try connection.execute("INSERT INTO records VALUES (?)", [99])
    }
    #expect(error?.isConstraint == true)
}
