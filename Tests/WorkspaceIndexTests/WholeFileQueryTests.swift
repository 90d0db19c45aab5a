import Foundation
import SQLite
import Testing
import WorkspaceIndex

/// The queries `datalint check` and the language server ask about one whole file against all the others.
@Suite struct WholeFileQueryTests {
    let directory: TemporaryDirectory
    let index: WorkspaceIndex
    let fingerprint = FileFingerprint(size: 100, modificationTime: 1_700_000_000, contentHash: 42)

    init() throws {
        directory = try TemporaryDirectory()
        index = try WorkspaceIndex(path: directory.path("index.sqlite"))
    }

    func record(_ line: Int, exact: UInt64, prompt: UInt64? = nil, bands: [UInt64] = [], signature: [UInt32] = [],
                length: Int = 0) -> IndexedRecord {
        IndexedRecord(line: line, exactHash: exact, promptHash: prompt, bandKeys: bands, signature: signature,
                      utf8Length: length, utf16Length: length / 2)
    }

    func location(_ file: String, _ line: Int) -> IndexedLocation {
        IndexedLocation(file: file, line: line)
    }

    @Test func exactMatchesPairEachLineWithEqualRecordsInOtherFilesOnly() throws {
        try index.replace(file: "train.jsonl", fingerprint: fingerprint,
                          records: [record(0, exact: 1), record(1, exact: 2), record(2, exact: 1), record(3, exact: 9)])
        try index.replace(file: "test.jsonl", fingerprint: fingerprint,
                          records: [record(0, exact: 5), record(7, exact: 1, length: 40)])
        try index.replace(file: "dev.jsonl", fingerprint: fingerprint, records: [record(4, exact: 1, length: 12)])

        // Lines 0 and 2 of train are equal to each other too, but that is within the file: not this query's.
        #expect(try index.exactMatches(ofFile: "train.jsonl") == [
            IndexMatch(line: 0, other: location("dev.jsonl", 4), otherUTF8Length: 12, otherUTF16Length: 6),
            IndexMatch(line: 0, other: location("test.jsonl", 7), otherUTF8Length: 40, otherUTF16Length: 20),
            IndexMatch(line: 2, other: location("dev.jsonl", 4), otherUTF8Length: 12, otherUTF16Length: 6),
            IndexMatch(line: 2, other: location("test.jsonl", 7), otherUTF8Length: 40, otherUTF16Length: 20),
        ])
        #expect(try index.exactMatches(ofFile: "test.jsonl").map(\.other) == [
            location("dev.jsonl", 4), location("train.jsonl", 0), location("train.jsonl", 2),
        ])
    }

    @Test func promptMatchesLeaveRecordsWithoutAPromptOut() throws {
        try index.replace(file: "a.jsonl", fingerprint: fingerprint,
                          records: [record(0, exact: 1, prompt: 10), record(1, exact: 2), record(2, exact: 3, prompt: 11)])
        try index.replace(file: "b.jsonl", fingerprint: fingerprint,
                          records: [record(0, exact: 4), record(1, exact: 5, prompt: 10, length: 8), record(2, exact: 2)])
        #expect(try index.promptMatches(ofFile: "a.jsonl") == [
            IndexMatch(line: 0, other: location("b.jsonl", 1), otherUTF8Length: 8, otherUTF16Length: 4),
        ])
        #expect(try index.promptMatches(ofFile: "b.jsonl").map(\.line) == [1])
    }

    @Test func nearCandidatesAreDistinctPairsCarryingBothSignatures() throws {
        let mine: [UInt32] = [1, 2, 3, 0xFFFF_FFFF]
        let theirs: [UInt32] = [1, 2, 4, 0x8000_0000]
        try index.replace(file: "a.jsonl", fingerprint: fingerprint, records: [
            record(0, exact: 1, bands: [100, 101, 102], signature: mine),
            record(1, exact: 2, bands: [200]),
            record(2, exact: 3, bands: [300]),
        ])
        try index.replace(file: "b.jsonl", fingerprint: fingerprint, records: [
            // Shares three bands with a.jsonl:0, and is still one pair.
            record(5, exact: 4, bands: [100, 101, 102, 103], signature: theirs, length: 30),
            record(6, exact: 5, bands: [200, 999]),
        ])
        try index.replace(file: "c.jsonl", fingerprint: fingerprint, records: [record(0, exact: 6, bands: [301])])

        #expect(try index.nearCandidates(ofFile: "a.jsonl") == [
            NearCandidate(line: 0, other: location("b.jsonl", 5), otherUTF8Length: 30, otherUTF16Length: 15,
                          signature: mine, otherSignature: theirs),
            NearCandidate(line: 1, other: location("b.jsonl", 6), otherUTF8Length: 0, otherUTF16Length: 0,
                          signature: [], otherSignature: []),
        ])
        #expect(try index.nearCandidates(ofFile: "c.jsonl").isEmpty)
    }

    @Test func aFileThatIsNotIndexedHasNothingInCommon() throws {
        try index.replace(file: "a.jsonl", fingerprint: fingerprint, records: [record(0, exact: 1, prompt: 2, bands: [3])])
        #expect(try index.exactMatches(ofFile: "missing.jsonl").isEmpty)
        #expect(try index.promptMatches(ofFile: "missing.jsonl").isEmpty)
        #expect(try index.nearCandidates(ofFile: "missing.jsonl").isEmpty)
        #expect(try index.records(inFile: "missing.jsonl").isEmpty)
        #expect(try index.record(at: location("a.jsonl", 1)) == nil)
    }

    @Test func recordsComeBackWithEverythingTheyWereIndexedWith() throws {
        let high: UInt64 = 0xFFFF_0000_0000_0001
        let records = [
            record(2, exact: high, prompt: high, bands: [high, 7], signature: [0, 0xFFFF_FFFF, 5], length: 11),
            record(0, exact: 1),
        ]
        try index.replace(file: "a.jsonl", fingerprint: fingerprint, records: records)
        #expect(try index.record(at: location("a.jsonl", 2)) == records[0])
        #expect(try index.records(inFile: "a.jsonl") == [records[1], records[0]])
    }

    @Test func signaturesAndBandKeysAreStoredLittleEndian() throws {
        try index.replace(file: "a.jsonl", fingerprint: fingerprint,
                          records: [record(0, exact: 1, bands: [0x0102_0304_0506_0708], signature: [1, 0x0A0B_0C0D])])
        // What another implementation reading the file would see.
        let connection = try Connection(path: index.path, readOnly: true)
        let row = try #require(try connection.query("SELECT signature, band_keys FROM records").first)
        #expect(row[0] == .blob([1, 0, 0, 0, 0x0D, 0x0C, 0x0B, 0x0A]))
        #expect(row[1] == .blob([8, 7, 6, 5, 4, 3, 2, 1]))
    }

    @Test func updatingARecordMovesItsBandRows() throws {
        try index.replace(file: "a.jsonl", fingerprint: fingerprint, records: [record(0, exact: 1, bands: [10, 11])])
        try index.replace(file: "b.jsonl", fingerprint: fingerprint,
                          records: [record(3, exact: 2, bands: [10]), record(4, exact: 3, bands: [12])])
        #expect(try index.nearCandidates(ofFile: "a.jsonl").map(\.other) == [location("b.jsonl", 3)])

        try index.update(file: "a.jsonl", record: record(0, exact: 1, bands: [12], signature: [9], length: 4))
        #expect(try index.nearCandidates(ofFile: "a.jsonl").map(\.other) == [location("b.jsonl", 4)])
        #expect(try index.candidates(sharingBandKeys: [10, 11]) == [location("b.jsonl", 3)])
        #expect(try index.record(at: location("a.jsonl", 0))?.signature == [9])
    }

    @Test func replacingOrRemovingAFileLeavesNoRowsOfItBehind() throws {
        try index.replace(file: "a.jsonl", fingerprint: fingerprint,
                          records: [record(0, exact: 1, prompt: 1, bands: [1, 2]), record(1, exact: 2, bands: [3])])
        try index.replace(file: "b.jsonl", fingerprint: fingerprint, records: [record(0, exact: 1, bands: [1])])
        try index.replace(file: "a.jsonl", fingerprint: fingerprint, records: [record(0, exact: 5, bands: [7])])
        try index.remove(file: "b.jsonl")

        // Hash rows have no foreign key to cascade from their file: the index deletes them itself. What is left
        // is a.jsonl's one record: its exact hash and its one band key.
        let connection = try Connection(path: index.path, readOnly: true)
        #expect(try connection.scalar("SELECT count(*) FROM records") == .integer(1))
        #expect(try connection.scalar("SELECT count(*) FROM exact_hashes") == .integer(1))
        #expect(try connection.scalar("SELECT count(*) FROM prompt_hashes") == .integer(0))
        #expect(try connection.scalar("SELECT count(*) FROM band_hashes") == .integer(1))
        #expect(try connection.scalar("SELECT count(*) FROM band_hashes WHERE file_id NOT IN (SELECT id FROM files)") == .integer(0))
        #expect(try index.candidates(sharingBandKeys: [1, 2, 3]).isEmpty)
        #expect(try index.indexedFiles == ["a.jsonl"])
    }

    /// Enough hash rows to go through the batched inserts and the radix sort, with a remainder after the last
    /// full batch, and keys across the whole 64-bit range (the signed order SQLite keeps differs from unsigned).
    @Test func everyBandRowOfALargeFileIsStored() throws {
        var generator = SeededGenerator(seed: 7)
        let records = (0..<1001).map { line in
            record(line, exact: UInt64(line), bands: (0..<16).map { _ in generator.next() })
        }
        try index.replace(file: "large.jsonl", fingerprint: fingerprint, records: records)
        try index.replace(file: "copy.jsonl", fingerprint: fingerprint, records: records.map {
            record($0.line, exact: $0.exactHash + 10_000, bands: $0.bandKeys)
        })

        let connection = try Connection(path: index.path, readOnly: true)
        #expect(try connection.scalar("SELECT count(*) FROM band_hashes") == .integer(2 * 1001 * 16))
        #expect(try connection.scalar("SELECT count(*) FROM exact_hashes") == .integer(2 * 1001))
        let candidates = try index.nearCandidates(ofFile: "large.jsonl")
        #expect(candidates.map(\.line) == Array(0..<1001))
        #expect(candidates.allSatisfy { $0.other == location("copy.jsonl", $0.line) })
        #expect(try index.candidates(sharingBandKeys: [records[500].bandKeys[3]]) ==
            [location("large.jsonl", 500), location("copy.jsonl", 500)])
    }
}

/// SplitMix64: reproducible hashes spread over the whole 64-bit range.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
