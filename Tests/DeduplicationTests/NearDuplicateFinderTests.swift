import DatasetIO
import Deduplication
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NearDuplicates
import Testing

/// Records with planted near duplicates at known similarities, across two files.
@Suite struct NearDuplicateFinderTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("datalint-dedup-\(UUID().uuidString)")

    /// A chat record whose user message is `words`.
    static func record(_ words: [String]) -> String {
        #"{"messages":[{"role":"user","content":"\#(words.joined(separator: " "))"},{"role":"assistant","content":"ok"}]}"#
    }

    /// 60 distinct words from a seed, so that unrelated records share no shingle.
    static func words(_ seed: Int) -> [String] {
        (0..<60).map { "w\(seed)x\($0)" }
    }

    func write(_ name: String, _ lines: [String]) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func plantedDuplicatesAreClusteredWithTheirExactSimilarityAndTheRestLeftAlone() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = Self.words(1)
        var oneWordChanged = base
        // The text is "user", the 60 words, "assistant", "ok": 63 words, 59 shingles. One changed word changes the 5
        // shingles that hold it on each side: Jaccard 54/64.
        oneWordChanged[30] = "changed"
        var tenWordsChanged = base
        for index in stride(from: 3, to: 60, by: 6) { tenWordsChanged[index] = "other\(index)" }  // far below 0.8
        let train = try write("train.jsonl", [Self.record(base), Self.record(Self.words(2)), "", "not json",
                                              Self.record(tenWordsChanged)])
        let test = try write("test.jsonl", [Self.record(Self.words(3)), Self.record(oneWordChanged),
                                            Self.record(base.map { $0.uppercased() })])
        let report = try await NearDuplicateFinder(threshold: 0.8).report(for: [train, test], jobs: 2)
        let records = report.records
        #expect(records.count == 7, "blank lines are not records; a line that is not JSON still is")
        let clusters = report.clusters
        #expect(clusters.count == 1)
        let cluster = try #require(clusters.first)
        #expect(records[cluster.kept] == RecordLocation(file: 0, line: 0))
        let members = cluster.others.map { (records[$0.record].file, records[$0.record].line, $0.similarityToKept) }
        #expect(members.map(\.0) == [1, 1] && members.map(\.1) == [1, 2])
        #expect(abs(members[0].2 - 54.0 / 64.0) < 1e-9, "exact Jaccard, not an estimate: \(members[0].2)")
        #expect(members[1].2 == 1, "case is folded")
    }

    @Test func aLowerThresholdTakesInTheMoreEditedCopy() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = Self.words(7)
        var edited = base
        for index in stride(from: 5, to: 60, by: 12) { edited[index] = "edit\(index)" }
        let path = try write("a.jsonl", [Self.record(base), Self.record(edited)])
        // Five edits 12 words apart change 25 of 59 shingles on each side: Jaccard 34/84.
        let exact = 34.0 / 84.0
        #expect(try await NearDuplicateFinder(threshold: 0.8).report(for: [path], jobs: 1).clusters.isEmpty)
        let loose = try await NearDuplicateFinder(threshold: 0.3).report(for: [path], jobs: 1).clusters
        #expect(loose.count == 1 && abs((loose.first?.others.first?.similarityToKept ?? 0) - exact) < 1e-9)
    }

    /// Lines that are not JSON objects, and objects without text, would all share the signature of nothing.
    @Test func recordsWithoutTextTakePartInNoCluster() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write("empty.jsonl", ["not json", "[1,2]", "{}", #"{"a":1}"#, #"{"a":"   "}"#, "not json"])
        let report = try await NearDuplicateFinder().report(for: [path], jobs: 2)
        #expect(report.records.count == 6)
        #expect(report.clusters.isEmpty)
    }

    /// The files are read twice; a pipe would read once.
    @Test func aPipeIsRefused() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        await #expect(throws: DatasetIOError.self) { try await NearDuplicateFinder().report(for: [fifo], jobs: 1) }
    }

    @Test func aMissingFileIsNamed() async {
        await #expect(throws: DatasetIOError.self) {
            try await NearDuplicateFinder().report(for: ["/nonexistent/x.jsonl"], jobs: 1)
        }
    }

    /// More records than one read: batches signed out of order must land at their records.
    @Test func manyBatchesKeepRecordsInOrder() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines = (0..<12_000).map { Self.record(Self.words($0 + 100)) }
        lines[11_999] = Self.record(Self.words(100))  // the first record again, at the very end
        let path = try write("big.jsonl", lines)
        let report = try await NearDuplicateFinder().report(for: [path], jobs: 2)
        #expect(report.records.count == 12_000)
        #expect(report.clusters.map { [$0.kept] + $0.others.map(\.record) } == [[0, 11_999]])
    }
}
