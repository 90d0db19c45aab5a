import Foundation
import SQLite
import Testing
import WorkspaceIndex

private let fingerprint = FileFingerprint(size: 1, modificationTime: 2, contentHash: 3)

/// Fills an index at `path` with a few thousand records across three files, then closes it, so that the whole
/// index is in the database file (closing the last connection checkpoints the WAL into it).
private func populate(_ path: String) throws {
    let index = try WorkspaceIndex(path: path)
    var generator = SeededGenerator(seed: 11)
    for file in ["a.jsonl", "b.jsonl", "c.jsonl"] {
        try index.replace(file: file, fingerprint: fingerprint, records: (0..<2000).map { line in
            IndexedRecord(line: line, exactHash: generator.next(), promptHash: generator.next(),
                          bandKeys: (0..<16).map { _ in generator.next() },
                          signature: (0..<128).map { _ in UInt32(truncatingIfNeeded: generator.next()) },
                          utf8Length: 100, utf16Length: 100)
        })
    }
}

@Test func damagedPagesInTheMiddleOfAnIndexAreFoundAndTheIndexRebuilt() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    try populate(path)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))

    // Overwrite the pages of the middle third of the file (never the header page) with bytes no page can hold.
    let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    try file.seek(toOffset: UInt64(size / 3 / 4096 * 4096))
    try file.write(contentsOf: Data(repeating: 0xFF, count: size / 3))
    try file.close()

    // Opening reads only the header and the schema, so the damage is met by whichever use first reads it.
    let index = try WorkspaceIndex(path: path)
    var damage: SQLiteError?
    if index.rebuildReason == nil {
        do {
            for name in ["a.jsonl", "b.jsonl", "c.jsonl"] {
                _ = try index.records(inFile: name)
                _ = try index.nearCandidates(ofFile: name)
            }
            try index.verifyIntegrity()
        } catch let error as SQLiteError {
            damage = error
        }
        let error = try #require(damage, "nothing noticed the damaged pages")
        #expect(error.isCorrupt, "\(error)")
        try index.rebuild(after: error)
    }
    #expect(index.rebuildReason?.contains("damaged") == true, "\(index.rebuildReason ?? "no reason")")

    // The rebuilt index is empty, healthy and usable.
    #expect(try index.indexedFiles.isEmpty)
    try index.verifyIntegrity()
    try index.replace(file: "a.jsonl", fingerprint: fingerprint,
                      records: [IndexedRecord(line: 0, exactHash: 1, promptHash: nil, bandKeys: [2])])
    #expect(try index.candidates(sharingBandKeys: [2]) == [IndexedLocation(file: "a.jsonl", line: 0)])
    #expect(try WorkspaceIndex(path: path).rebuildReason == nil)
}

@Test func rebuildingOnRequestEmptiesTheIndexAndSaysSo() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    try populate(path)
    let index = try WorkspaceIndex(path: path)
    #expect(try index.indexedFiles.count == 3)
    try index.rebuild()
    #expect(index.rebuildReason == "the index was rebuilt on request")
    #expect(try index.indexedFiles.isEmpty)
    #expect(try WorkspaceIndex(path: path).indexedFiles.isEmpty)

    let inMemory = try WorkspaceIndex()
    try inMemory.replace(file: "a.jsonl", fingerprint: fingerprint,
                         records: [IndexedRecord(line: 0, exactHash: 1, promptHash: nil, bandKeys: [])])
    try inMemory.rebuild()
    #expect(try inMemory.indexedFiles.isEmpty)
}

@Test func anIndexBusyInAnotherConnectionIsNeverRebuilt() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    do {
        let index = try WorkspaceIndex(path: path)
        try index.replace(file: "a.jsonl", fingerprint: fingerprint,
                          records: [IndexedRecord(line: 0, exactHash: 1, promptHash: nil, bandKeys: [])])
    }
    // Opening takes the write lock briefly (to migrate); another writer holds it past the busy timeout. The
    // file is healthy and in use: deleting it would destroy the other writer's work.
    let other = try Connection(path: path)
    try other.transaction {
        try other.execute("UPDATE files SET size = 5")
        let error = #expect(throws: SQLiteError.self) {
            try WorkspaceIndex(path: path, busyTimeout: .milliseconds(50))
        }
        #expect(error?.isBusy == true, "\(String(describing: error))")
    }
    let index = try WorkspaceIndex(path: path)
    #expect(index.rebuildReason == nil)
    #expect(try index.fingerprint(of: "a.jsonl")?.size == 5)
}
