import Foundation
import SQLite
import Testing
import WorkspaceIndex

@Suite struct WorkspaceIndexTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    var path: String { directory.path("index.sqlite") }
    let fingerprint = FileFingerprint(size: 100, modificationTime: 1_700_000_000, contentHash: 0xFEED_FACE_CAFE_BEEF)

    func sample(_ line: Int, exact: UInt64, prompt: UInt64? = nil, bands: [UInt64] = []) -> IndexedRecord {
        IndexedRecord(line: line, exactHash: exact, promptHash: prompt, bandKeys: bands)
    }

    @Test func recordsAreFoundByExactPromptAndBandHashesAcrossFiles() throws {
        let index = try WorkspaceIndex(path: path)
        try index.replace(file: "train.jsonl", fingerprint: fingerprint,
                          records: [sample(0, exact: 1, prompt: 10, bands: [100, 101]), sample(1, exact: 2, prompt: 11, bands: [102])])
        try index.replace(file: "test.jsonl", fingerprint: fingerprint,
                          records: [sample(0, exact: 1, prompt: 12, bands: [999]), sample(5, exact: 3, prompt: 10, bands: [101])])
        #expect(try index.records(withExactHash: 1) == [IndexedLocation(file: "test.jsonl", line: 0), IndexedLocation(file: "train.jsonl", line: 0)])
        #expect(try index.records(withPromptHash: 10).count == 2)
        #expect(try index.candidates(sharingBandKeys: [101, 555]) == [IndexedLocation(file: "train.jsonl", line: 0), IndexedLocation(file: "test.jsonl", line: 5)])
        #expect(try index.fingerprint(of: "train.jsonl") == fingerprint)
    }

    @Test func hashesWithTheHighBitSetRoundTrip() throws {
        let index = try WorkspaceIndex(path: path)
        let high: UInt64 = 0xFFFF_0000_0000_0001
        try index.replace(file: "a.jsonl", fingerprint: fingerprint, records: [sample(3, exact: high, prompt: high, bands: [high])])
        #expect(try index.records(withExactHash: high) == [IndexedLocation(file: "a.jsonl", line: 3)])
        #expect(try index.candidates(sharingBandKeys: [high]).count == 1)
    }

    @Test func updatingOneRecordKeepsTheOthers() throws {
        let index = try WorkspaceIndex(path: path)
        try index.replace(file: "a.jsonl", fingerprint: fingerprint, records: [sample(0, exact: 1, bands: [7]), sample(1, exact: 2, bands: [8])])
        try index.update(file: "a.jsonl", record: sample(1, exact: 1, bands: [7]))
        #expect(try index.records(withExactHash: 1).map(\.line) == [0, 1])
        #expect(try index.records(withExactHash: 2).isEmpty)
        #expect(try index.candidates(sharingBandKeys: [8]).isEmpty)
    }

    @Test func theIndexSurvivesReopening() throws {
        do {
            let index = try WorkspaceIndex(path: path)
            try index.replace(file: "a.jsonl", fingerprint: fingerprint, records: [sample(0, exact: 42)])
        }
        let reopened = try WorkspaceIndex(path: path)
        #expect(reopened.rebuildReason == nil)
        #expect(try reopened.records(withExactHash: 42).count == 1)
    }

    @Test func aFileThatIsNotADatabaseIsRebuiltWithAMessage() throws {
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: path))
        let index = try WorkspaceIndex(path: path)
        #expect(index.rebuildReason?.contains("rebuilt") == true)
        try index.replace(file: "a.jsonl", fingerprint: fingerprint, records: [sample(0, exact: 1)])
        #expect(try index.indexedFiles == ["a.jsonl"])
    }

    @Test func anIndexFromANewerDatalintIsRebuilt() throws {
        do {
            let connection = try Connection(path: path)
            try connection.setUserVersion(99)
        }
        let index = try WorkspaceIndex(path: path)
        #expect(index.rebuildReason?.contains("newer datalint") == true)
        #expect(try index.indexedFiles.isEmpty)
    }

    @Test func twoConnectionsCanShareTheIndex() throws {
        let writer = try WorkspaceIndex(path: path)
        let reader = try WorkspaceIndex(path: path)
        try writer.replace(file: "a.jsonl", fingerprint: fingerprint, records: (0..<500).map { sample($0, exact: UInt64($0 % 7)) })
        #expect(try reader.records(withExactHash: 3).count == (0..<500).filter { $0 % 7 == 3 }.count)
        try reader.verifyIntegrity()
    }
}
