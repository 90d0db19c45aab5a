import SQLite
import Testing

/// Stores `value` in a column without type affinity (so SQLite keeps the storage class) and reads it back.
private func roundTrip(_ value: SQLiteValue, through connection: Connection) throws -> SQLiteValue {
    try connection.execute("DELETE FROM t")
    try connection.execute("INSERT INTO t(v) VALUES (?)", [value])
    return try #require(try connection.scalar("SELECT v FROM t"))
}

@Test func everyStorageClassRoundTrips() throws {
    let connection = try Connection.inMemory()
    try connection.execute("CREATE TABLE t(v)")
    let values: [SQLiteValue] = [
        .null,
        .integer(0), .integer(-1), .integer(.min), .integer(.max),
        .real(0.5), .real(-1e308), .real(.leastNonzeroMagnitude), .real(.infinity),
        .text(""), .text("plain"), .text("é, 漢字, 🦙"), .text("nul\u{0}inside"),
        .blob([]), .blob([0, 0, 0]), .blob([0xFF, 0x00, 0x7F, 0x00]), .blob(Array(0...255)),
    ]
    for value in values {
        #expect(try roundTrip(value, through: connection) == value)
    }
}

@Test func emptyTextAndEmptyBlobAreNotNull() throws {
    let connection = try Connection.inMemory()
    try connection.execute("CREATE TABLE t(v)")
    try connection.execute("INSERT INTO t(v) VALUES (?), (?)", [.text(""), .blob([])])
    let types = try connection.query("SELECT typeof(v) FROM t ORDER BY rowid").map { $0[0] }
    #expect(types == ["text", "blob"])
}

@Test func uint64HashesRoundTripIncludingTheHighBit() throws {
    let connection = try Connection.inMemory()
    try connection.execute("CREATE TABLE t(v)")
    for hash: UInt64 in [0, 1, 0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, 0x9E37_79B9_7F4A_7C15, .max] {
        let stored = try roundTrip(.uint64(hash), through: connection)
        #expect(stored.uint64Value == hash)
        // The documented representation: the Int64 with the same bits.
        #expect(stored.int64Value == Int64(bitPattern: hash))
    }
}

@Test func hashLookupByEqualityFindsHighBitHashes() throws {
    let connection = try Connection.inMemory()
    try connection.execute("CREATE TABLE records(hash INTEGER NOT NULL, line INTEGER NOT NULL)")
    try connection.execute("CREATE INDEX records_hash ON records(hash)")
    let hashes: [UInt64] = [.max, 0x8000_0000_0000_0001, 42]
    for (line, hash) in hashes.enumerated() {
        try connection.execute("INSERT INTO records VALUES (?, ?)", [.uint64(hash), .integer(Int64(line))])
    }
    let found = try connection.scalar("SELECT line FROM records WHERE hash = ?", [.uint64(.max)])
    #expect(found == .integer(0))
}

@Test func typedColumnReadersReturnNilForOtherStorageClasses() throws {
    let connection = try Connection.inMemory()
    let statement = try connection.prepare("SELECT 7, 2.5, 'x', x'00ff', NULL")
    #expect(try statement.step())
    #expect(statement.int64(at: 0) == 7)
    #expect(statement.double(at: 0) == 7)
    #expect(statement.double(at: 1) == 2.5)
    #expect(statement.string(at: 2) == "x")
    #expect(statement.blob(at: 3) == [0x00, 0xFF])
    #expect(statement.int64(at: 2) == nil)
    #expect(statement.string(at: 3) == nil)
    #expect(statement.value(at: 4) == .null)
    #expect(statement.columnNames == ["7", "2.5", "'x'", "x'00ff'", "NULL"])
    #expect(try !statement.step())
}
