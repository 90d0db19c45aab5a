import SQLite
import Testing
import WorkspaceIndex

/// An index written by a datalint that knew schema version 1 only. The SQL is a frozen copy of version 1's
/// migration, not a call to it: it stands for files already on users' disks, which later code must keep reading.
private let version1Schema = """
    CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        modification_time INTEGER NOT NULL,
        content_hash INTEGER NOT NULL
    );
    CREATE TABLE records (
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        line INTEGER NOT NULL,
        exact_hash INTEGER NOT NULL,
        prompt_hash INTEGER,
        PRIMARY KEY (file_id, line)
    ) WITHOUT ROWID;
    CREATE INDEX records_by_exact_hash ON records(exact_hash);
    CREATE INDEX records_by_prompt_hash ON records(prompt_hash) WHERE prompt_hash IS NOT NULL;
    CREATE TABLE bands (
        band_key INTEGER NOT NULL,
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        line INTEGER NOT NULL
    );
    CREATE INDEX bands_by_key ON bands(band_key);
    CREATE INDEX bands_by_record ON bands(file_id, line);
    """

@Test func aVersion1IndexIsMigratedKeepingItsRows() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("index.sqlite")
    let high: UInt64 = 0xFFFF_0000_0000_0001
    do {
        let connection = try Connection(path: path)
        try connection.transaction {
            try connection.execute(version1Schema)
            try connection.execute("""
                INSERT INTO files VALUES (1, 'train.jsonl', 10, 20, 30), (2, 'test.jsonl', 11, 21, 31);
                INSERT INTO records VALUES (1, 0, 100, 500), (1, 1, 101, NULL), (2, 4, 100, 500), (2, 5, 102, 501);
                """)
            try connection.execute("INSERT INTO bands VALUES (?, 1, 0), (7, 1, 0), (8, 1, 1), (?, 2, 4)",
                                   [.uint64(high), .uint64(high)])
            try connection.setUserVersion(1)
        }
    }

    let index = try WorkspaceIndex(path: path)
    #expect(index.rebuildReason == nil)
    #expect(try Connection(path: path, readOnly: true).userVersion() == 2)

    // The old rows are all there, found by the old and the new queries alike.
    #expect(try index.indexedFiles == ["test.jsonl", "train.jsonl"])
    #expect(try index.fingerprint(of: "train.jsonl") == FileFingerprint(size: 10, modificationTime: 20, contentHash: 30))
    #expect(try index.records(withExactHash: 100).map(\.file) == ["test.jsonl", "train.jsonl"])
    #expect(try index.candidates(sharingBandKeys: [high]).count == 2)
    let train = try index.records(inFile: "train.jsonl")
    #expect(train == [IndexedRecord(line: 0, exactHash: 100, promptHash: 500, bandKeys: [high, 7]),
                      IndexedRecord(line: 1, exactHash: 101, promptHash: nil, bandKeys: [8])])
    #expect(try index.records(withPromptHash: 500).count == 2)
    #expect(try index.exactMatches(ofFile: "test.jsonl").map(\.other) == [IndexedLocation(file: "train.jsonl", line: 0)])
    #expect(try index.promptMatches(ofFile: "test.jsonl").map(\.line) == [4])
    #expect(try index.nearCandidates(ofFile: "train.jsonl").map(\.line) == [0])

    // The new columns take values for old records and new ones.
    let edited = IndexedRecord(line: 1, exactHash: 101, promptHash: nil, bandKeys: [9], signature: [3, 4],
                               utf8Length: 12, utf16Length: 10)
    try index.update(file: "train.jsonl", record: edited)
    #expect(try index.record(at: IndexedLocation(file: "train.jsonl", line: 1)) == edited)
    #expect(try index.candidates(sharingBandKeys: [8]).isEmpty)
    try index.verifyIntegrity()
}
