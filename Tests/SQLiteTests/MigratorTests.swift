import SQLite
import Testing

/// Migrations that record the order they ran in, in the database itself.
private func migrator(upTo latest: Int, failingAt failing: Int? = nil) -> Migrator {
    var migrator = Migrator()
    migrator.register(version: 1) { connection in
        try connection.execute("CREATE TABLE log(version INTEGER NOT NULL)")
        try connection.execute("INSERT INTO log VALUES (1)")
    }
    for version in stride(from: 2, through: latest, by: 1) {
        migrator.register(version: version) { connection in
            if version == failing { try connection.execute("INSERT INTO no_such_table VALUES (1)") }
            try connection.execute("INSERT INTO log VALUES (?)", [.integer(Int64(version))])
        }
    }
    return migrator
}

private func log(_ connection: Connection) throws -> [Int64] {
    try connection.query("SELECT version FROM log ORDER BY rowid").compactMap { $0[0].int64Value }
}

@Test func migrationsApplyInOrderAndOnlyOnce() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    do {
        let connection = try Connection(path: path)
        #expect(try migrator(upTo: 3).migrate(connection) == [1, 2, 3])
        #expect(try migrator(upTo: 3).migrate(connection) == [])
    }
    // A later build with one more migration applies only that one, to the reopened file.
    let connection = try Connection(path: path)
    #expect(try connection.userVersion() == 3)
    #expect(try migrator(upTo: 4).migrate(connection) == [4])
    #expect(try log(connection) == [1, 2, 3, 4])
    #expect(try connection.userVersion() == 4)
}

@Test func failedMigrationLeavesTheDatabaseUntouched() throws {
    let connection = try Connection.inMemory()
    #expect(throws: SQLiteError.self) {
        try migrator(upTo: 3, failingAt: 3).migrate(connection)
    }
    #expect(try connection.userVersion() == 0)
    #expect(try connection.scalar("SELECT count(*) FROM sqlite_schema") == .integer(0))
}

@Test func databaseFromANewerBuildIsRefused() throws {
    let connection = try Connection.inMemory()
    try migrator(upTo: 2).migrate(connection)
    try connection.setUserVersion(7)
    #expect(throws: MigrationError.databaseIsNewer(found: 7, known: 2)) {
        try migrator(upTo: 2).migrate(connection)
    }
    #expect(try log(connection) == [1, 2])
}
