import Foundation
import SQLite
import Testing
import WorkspaceIndex

/// The first `python3` on PATH: the second process of the test below, writing through Python's own SQLite.
private let python3: String? = {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return paths.map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// Another process writing files into the index, as another datalint would: one immediate transaction per file.
/// It holds the write lock a few milliseconds, so the other writer has to wait for it, then pauses, so the other
/// writer gets its turn: SQLite's busy handler polls rather than queues, and two writers that never pause can
/// each hold the lock through the other's whole run. Exits non-zero with a traceback on any error, SQLITE_BUSY
/// ("database is locked") included.
private let secondWriter = """
    import sqlite3, sys, time
    path, count, records = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    print("ready", flush=True)
    for n in range(count):
        db.execute("BEGIN IMMEDIATE")
        file_id = db.execute("INSERT INTO files(path, size, modification_time, content_hash) VALUES (?, 1, 2, 3)",
                             (f"python-{n:03}.jsonl",)).lastrowid
        db.executemany("INSERT INTO records(file_id, line, exact_hash, utf8_length, utf16_length) VALUES (?, ?, ?, 5, 5)",
                       [(file_id, line, 1_000_000 + line) for line in range(records)])
        db.executemany("INSERT INTO exact_hashes(file_id, hash, line) VALUES (?, ?, ?)",
                       [(file_id, 1_000_000 + line, line) for line in range(records)])
        db.executemany("INSERT INTO band_hashes(file_id, hash, line) VALUES (?, ?, ?)",
                       [(file_id, 2_000_000 + line, line) for line in range(records)])
        time.sleep(0.005)
        db.execute("COMMIT")
        time.sleep(0.01)
    db.close()
    """

@Test(.enabled(if: python3 != nil, "python3 is not on PATH: the second process of this test cannot run"))
func twoProcessesWritingAtOnceBothKeepTheirRows() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    let index = try WorkspaceIndex(path: path)  // Creates the schema before the other process writes into it.
    let files = 30, records = 200

    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(python3))
    process.arguments = ["-c", secondWriter, path, String(files), String(records)]
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Start writing only once the other process is about to, so the two overlap.
    #expect(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).hasPrefix("ready"))

    let fingerprint = FileFingerprint(size: 1, modificationTime: 2, contentHash: 3)
    for n in 0..<files {
        try index.replace(file: String(format: "swift-%03d.jsonl", n), fingerprint: fingerprint, records: (0..<records).map { line in
            IndexedRecord(line: line, exactHash: UInt64(line), promptHash: nil, bandKeys: [UInt64(line), UInt64(line) + 1],
                          signature: [UInt32(line)], utf8Length: 7, utf16Length: 7)
        })
        Thread.sleep(forTimeInterval: 0.01)  // The other writer's turn, as above.
    }
    process.waitUntilExit()
    let traceback = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 0, "the other process failed: \(traceback)")
    #expect(traceback.isEmpty)

    let indexed = try index.indexedFiles
    #expect(indexed.count == 2 * files)
    for file in indexed {
        #expect(try index.records(inFile: file).count == records, "\(file)")
    }
    #expect(try index.records(withExactHash: 1_000_007).count == files)
    #expect(try index.candidates(sharingBandKeys: [2_000_007]).count == files)
    try index.verifyIntegrity()

    // The files' ids record who committed when: had one writer run entirely before the other, there would be a
    // single switch from one to the other.
    let owners = try Connection(path: path, readOnly: true).query("SELECT path FROM files ORDER BY id").map {
        $0[0].stringValue?.hasPrefix("python") == true
    }
    let switches = zip(owners, owners.dropFirst()).filter { $0 != $1 }.count
    #expect(switches > 1, "the two processes did not write at the same time")
}
