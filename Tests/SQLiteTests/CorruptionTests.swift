import Foundation
import SQLite
import Testing

@Test func fileOfRandomBytesIsDetectedAsCorrupt() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    var generator = SystemRandomNumberGenerator()
    let noise = (0..<8192).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    try Data(noise).write(to: URL(fileURLWithPath: path))
    for readOnly in [false, true] {
        let error = #expect(throws: SQLiteError.self) {
            try Connection(path: path, readOnly: readOnly)
        }
        #expect(error?.isCorrupt == true, "readOnly: \(readOnly), \(String(describing: error))")
    }
}

@Test func damagedPageIsFoundByIntegrityCheck() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    let pageSize: Int
    do {
        let connection = try Connection(path: path)
        try connection.execute("CREATE TABLE records(hash INTEGER, band BLOB)")
        try connection.transaction {
            for n in 0..<2000 {
                let hash = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
                try connection.execute("INSERT INTO records VALUES (?, ?)",
                                       [.uint64(hash), .blob([UInt8](repeating: 7, count: 32))])
            }
        }
        try connection.integrityCheck()
        pageSize = Int(try #require(try connection.scalar("PRAGMA page_size")?.int64Value))
    }  // The last connection closes here, checkpointing the WAL into the file.

    // Overwrite the third page (a b-tree page of the table) with bytes no page can hold.
    let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    try file.seek(toOffset: UInt64(2 * pageSize))
    try file.write(contentsOf: Data(repeating: 0xFF, count: pageSize))
    try file.close()

    // Depending on what is damaged, SQLite reports it through quick_check's findings or by failing the
    // read outright; either way the caller sees one kind of error.
    let error = #expect(throws: SQLiteError.self) {
        let connection = try Connection(path: path)
        try connection.integrityCheck()
    }
    #expect(error?.isCorrupt == true, "\(String(describing: error))")
}

@Test func inconsistentFileIsReportedWithQuickCheckFindings() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    do {
        let connection = try Connection(path: path)
        try connection.execute("CREATE TABLE records(hash INTEGER); INSERT INTO records VALUES (1);")
    }
    // The header claims five free pages where there are none: every page reads fine, but quick_check's
    // walk of the free list disagrees and reports it as a finding rather than failing.
    let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    try file.seek(toOffset: 36)
    try file.write(contentsOf: Data([0, 0, 0, 5]))
    try file.close()

    let connection = try Connection(path: path)
    let error = #expect(throws: SQLiteError.self) { try connection.integrityCheck() }
    #expect(error?.isCorrupt == true)
    #expect(error?.message.lowercased().contains("freelist") == true, "\(String(describing: error))")
    #expect(error?.sql == "PRAGMA quick_check")
}

@Test func healthyDatabasePassesIntegrityCheck() throws {
    let directory = try TemporaryDirectory()
    let connection = try Connection(path: directory.path("index.sqlite"))
    try connection.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
    try connection.integrityCheck()
}
