import SQLite
import Testing

@Test func fileDatabaseUsesWriteAheadLogging() throws {
    let directory = try TemporaryDirectory()
    let connection = try Connection(path: directory.path("index.sqlite"))
    #expect(try connection.scalar("PRAGMA journal_mode") == .text("wal"))
    #expect(try connection.scalar("PRAGMA synchronous") == .integer(1))  // NORMAL
    #expect(try connection.scalar("PRAGMA foreign_keys") == .integer(1))
}

@Test func readerSeesLastCommitWhileWriterIsInsideATransaction() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    let writer = try Connection(path: path)
    try writer.execute("CREATE TABLE t(n INTEGER)")
    let reader = try Connection(path: path)
    try writer.transaction {
        try writer.execute("INSERT INTO t VALUES (?)", [1])
        // WAL: the reader is not blocked and sees the last committed state, not the write in progress.
        #expect(try reader.scalar("SELECT count(*) FROM t") == .integer(0))
        // A second writer waits for its busy timeout, then gives up with a busy error.
        let impatient = try Connection(path: path, busyTimeout: .milliseconds(50))
        let error = #expect(throws: SQLiteError.self) {
            try impatient.transaction { try impatient.execute("INSERT INTO t VALUES (?)", [2]) }
        }
        #expect(error?.isBusy == true, "\(String(describing: error))")
    }
    #expect(try reader.scalar("SELECT count(*) FROM t") == .integer(1))
    try reader.integrityCheck()
}

@Test func transactionHoldsTheWriteLockBeforeItsFirstWrite() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    let connection = try Connection(path: path)
    try connection.execute("CREATE TABLE t(n INTEGER)")
    let other = try Connection(path: path, busyTimeout: .milliseconds(50))
    try connection.transaction {
        // Only a read so far. Had the transaction begun deferred, it would hold no write lock yet: the other
        // connection's write would go through, and the write below would then fail with SQLITE_BUSY_SNAPSHOT
        // (its snapshot is stale), which no busy timeout waits out. Begun immediate, the other one waits instead.
        #expect(try connection.scalar("SELECT count(*) FROM t") == .integer(0))
        let error = #expect(throws: SQLiteError.self) { try other.execute("INSERT INTO t VALUES (?)", [2]) }
        #expect(error?.isBusy == true, "\(String(describing: error))")
        try connection.execute("INSERT INTO t VALUES (?)", [1])
    }
    #expect(try other.query("SELECT n FROM t").map { $0[0] } == [1])
}

@Test func concurrentWritersWaitForEachOtherAndReadersNeverSeeTornState() async throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    do {
        let setup = try Connection(path: path)
        try setup.execute("CREATE TABLE t(writer INTEGER, n INTEGER, UNIQUE(writer, n))")
    }
    let writers = 2, transactions = 25, rowsPerTransaction = 8
    try await withThrowingTaskGroup(of: Void.self) { group in
        // Each task opens its own connection: connections are never shared, only the file is.
        for writer in 0..<writers {
            group.addTask {
                let connection = try Connection(path: path, busyTimeout: .seconds(10))
                for transaction in 0..<transactions {
                    try connection.transaction {
                        for row in 0..<rowsPerTransaction {
                            let n = Int64(transaction * rowsPerTransaction + row)
                            try connection.execute("INSERT INTO t VALUES (?, ?)",
                                                   [.integer(Int64(writer)), .integer(n)])
                        }
                    }
                }
            }
        }
        group.addTask {
            let connection = try Connection(path: path, readOnly: true, busyTimeout: .seconds(10))
            for _ in 0..<50 {
                // Each transaction commits whole, so a reader only ever sees whole transactions.
                let count = try #require(try connection.scalar("SELECT count(*) FROM t")?.int64Value)
                #expect(count % Int64(rowsPerTransaction) == 0)
                await Task.yield()
            }
        }
        try await group.waitForAll()
    }
    let connection = try Connection(path: path)
    let expected = Int64(writers * transactions * rowsPerTransaction)
    #expect(try connection.scalar("SELECT count(*) FROM t") == .integer(expected))
    try connection.integrityCheck()
}

/// The intended shape of a user: an actor owns the connection, so every use of it is serialized and the
/// compiler refuses to let it escape.
private actor Index {
    private let connection: Connection

    init(path: String) throws {
        connection = try Connection(path: path)
        try connection.execute("CREATE TABLE IF NOT EXISTS records(hash INTEGER PRIMARY KEY)")
    }

    func insert(_ hash: UInt64) throws {
        try connection.execute("INSERT OR IGNORE INTO records VALUES (?)", [.uint64(hash)])
    }

    func count() throws -> Int64 {
        try connection.scalar("SELECT count(*) FROM records")?.int64Value ?? 0
    }
}

@Test func connectionConfinedToAnActorServesConcurrentCallers() async throws {
    let directory = try TemporaryDirectory()
    let index = try Index(path: directory.path("index.sqlite"))
    try await withThrowingTaskGroup(of: Void.self) { group in
        for hash in stride(from: UInt64.max, to: UInt64.max - 100, by: -1) {
            group.addTask { try await index.insert(hash) }
        }
        try await group.waitForAll()
    }
    #expect(try await index.count() == 100)
}
