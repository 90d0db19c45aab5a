import SQLite
import Testing

@Test func namedParametersBindWithOrWithoutPrefix() throws {
    let connection = try Connection.inMemory()
    try connection.execute("CREATE TABLE files(path TEXT, hash INTEGER, size REAL)")
    try connection.execute("INSERT INTO files VALUES (:path, @hash, $size)",
                           [":path": "a.jsonl", "hash": .uint64(.max), "$size": 1.5])
    let row = try #require(try connection.query("SELECT * FROM files WHERE path = :path", ["path": "a.jsonl"]).first)
    #expect(row["path"] == .text("a.jsonl"))
    #expect(row["hash"]?.uint64Value == .max)
    #expect(row["size"] == .real(1.5))
    #expect(row["missing"] == nil)
}

@Test func statementBindsByIndexAndByName() throws {
    let connection = try Connection.inMemory()
    let statement = try connection.prepare("SELECT ?1, :second")
    try statement.bind(.blob([1, 0, 2]), at: 1)
    try statement.bind(.null, named: "second")
    #expect(try statement.step())
    #expect(statement.row().values == [.blob([1, 0, 2]), .null])
}

@Test func unknownParameterNameIsRefused() throws {
    let connection = try Connection.inMemory()
    let error = #expect(throws: SQLiteError.self) {
        try connection.query("SELECT :hash", ["hsah": 1])
    }
    #expect(error?.message.contains("hsah") == true)
    #expect(error?.sql == "SELECT :hash")
}

@Test func wrongNumberOfPositionalBindingsIsRefused() throws {
    let connection = try Connection.inMemory()
    #expect(throws: SQLiteError.self) { try connection.query("SELECT ?, ?", [1]) }
    #expect(throws: SQLiteError.self) { try connection.query("SELECT ?") }
}

@Test func resetStatementRunsAgainWithNewBindings() throws {
    let connection = try Connection.inMemory()
    let statement = try connection.prepare("SELECT ? * 2")
    var results: [Int64] = []
    for input: Int64 in [1, 2, 3] {
        try statement.bind([.integer(input)])
        #expect(try statement.step())
        results.append(try #require(statement.int64(at: 0)))
        statement.reset()
    }
    #expect(results == [2, 4, 6])
}
