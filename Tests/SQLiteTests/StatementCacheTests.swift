import SQLite
import Testing

@Test func cachedStatementIsReusedAndComesBackClean() throws {
    let connection = try Connection.inMemory()
    let first = try connection.cachedStatement("SELECT ?")
    try first.bind([5])
    let second = try connection.cachedStatement("SELECT ?")
    #expect(first === second)
    // The bindings of the previous user were cleared.
    #expect(try second.step())
    #expect(second.value(at: 0) == .null)
}

@Test func nestedQueryWithTheSameSQLDoesNotRewindTheOuterLoop() throws {
    let connection = try Connection.inMemory()
    try connection.execute("CREATE TABLE t(n INTEGER); INSERT INTO t VALUES (1), (2), (3);")
    let sql = "SELECT n FROM t ORDER BY n"
    var outer: [Int64] = []
    try connection.forEachRow(sql) { row in
        outer.append(row[0].int64Value ?? -1)
        let inner = try connection.query(sql)
        #expect(inner.count == 3)
    }
    #expect(outer == [1, 2, 3])
}

@Test func abandonedIterationReleasesTheStatement() throws {
    struct Stop: Error {}
    let connection = try Connection.inMemory()
    try connection.execute("CREATE TABLE t(n INTEGER); INSERT INTO t VALUES (1), (2);")
    #expect(throws: Stop.self) {
        try connection.forEachRow("SELECT n FROM t") { _ in throw Stop() }
    }
    #expect(try !connection.cachedStatement("SELECT n FROM t").isInProgress)
}

@Test func preparingSeveralStatementsAtOnceIsRefused() throws {
    let connection = try Connection.inMemory()
    let error = #expect(throws: SQLiteError.self) {
        try connection.execute("CREATE TABLE a(x); CREATE TABLE b(x)", [])
    }
    #expect(error?.message.contains("more than one") == true)
    // Trailing separators and comments are not a second statement.
    try connection.execute("CREATE TABLE c(x); -- the only one\n", [])
    #expect(try connection.scalar("SELECT count(*) FROM sqlite_schema") == .integer(1))
}

@Test func statementOutlivesItsConnection() throws {
    var connection: Connection? = try Connection.inMemory()
    let statement = try #require(try connection?.prepare("SELECT 41 + 1"))
    connection = nil
    #expect(try statement.step())
    #expect(statement.int64(at: 0) == 42)
}
