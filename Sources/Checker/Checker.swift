import DatasetIO
import Diagnostics
import RecordScanner
import StageKit

/// Where a checker gets its chunks of whole lines from (a file reader, or a test's array).
public protocol RecordChunkSource {
    /// The next block of whole lines and the 0-based number of its first line, or nil at the end.
    mutating func nextChunk() throws -> (bytes: [UInt8], firstLine: Int)?
}

/// A dataset file or standard input, read in chunks of whole lines.
extension DatasetReader: RecordChunkSource {}

/// Runs stages over every record of a file: chunks are checked in parallel, and their diagnostics and facts
/// are consumed strictly in file order, so output is deterministic whatever the number of jobs.
public struct Checker: Sendable {
    public let stages: [AnyRecordStage]
    public let policy: DiagnosticPolicy
    /// How many chunks are checked at once; 1 checks on the calling thread alone.
    public let jobs: Int
    public let maxDepth: Int

    public init(stages: [AnyRecordStage], policy: DiagnosticPolicy = DiagnosticPolicy(), jobs: Int = 1,
                maxDepth: Int = RecordScanner.defaultMaxDepth) {
        self.stages = stages
        self.policy = policy
        self.jobs = max(1, jobs)
        self.maxDepth = maxDepth
    }

    /// Checks one file. `report` receives each admitted diagnostic in file order (record diagnostics as their
    /// chunk completes, file-level ones at the end). Returns the number of records (lines) read.
    public func check<Source: RecordChunkSource>(_ source: inout Source, file: String,
                                                 report: (FileDiagnostic) throws -> Void) async throws -> Int {
        try await checkKeepingAggregates(&source, file: file, report: report).records
    }

    /// `check`, also returning each stage's aggregate after the whole file (in stage order), for checks that
    /// compare files with each other.
    public func checkKeepingAggregates<Source: RecordChunkSource>(_ source: inout Source, file: String,
                                                                  report: (FileDiagnostic) throws -> Void) async throws
        -> (records: Int, aggregates: [any StageAggregate]) {
        var consumer = OrderedConsumer(aggregates: stages.map { $0.makeAggregate() })
        let worker = ChunkWorker(file: file, stages: stages, policy: policy, maxDepth: maxDepth)
        if jobs == 1 {
            var index = 0
            while let next = try source.nextChunk() {
                try consumer.consume(worker.process(RecordChunk(index: index, bytes: next.bytes, firstLine: next.firstLine)), report: report)
                index += 1
            }
        } else {
            try await checkInParallel(&source, worker: worker, consumer: &consumer, report: report)
        }
        try consumer.finish(file: file, policy: policy, report: report)
        return (consumer.records, consumer.aggregates.map(\.stageAggregate))
    }

    private func checkInParallel<Source: RecordChunkSource>(_ source: inout Source, worker: ChunkWorker,
                                                            consumer: inout OrderedConsumer,
                                                            report: (FileDiagnostic) throws -> Void) async throws {
        // A few chunks ahead of the consumer keep every job busy while memory stays bounded.
        let window = jobs * 2
        AllocatorTuning.prepareForParallelChunks()
        try await withThrowingTaskGroup(of: ChunkOutcome.self) { group in
            var pending: [Int: ChunkOutcome] = [:]
            var submitted = 0
            var consumed = 0
            var exhausted = false
            while true {
                while !exhausted && submitted - consumed - pending.count < window {
                    guard let next = try source.nextChunk() else { exhausted = true; break }
                    let chunk = RecordChunk(index: submitted, bytes: next.bytes, firstLine: next.firstLine)
                    group.addTask { worker.process(chunk) }
                    submitted += 1
                }
                guard let outcome = try await group.next() else { break }
                pending[outcome.index] = outcome
                while let ready = pending.removeValue(forKey: consumed) {
                    try consumer.consume(ready, report: report)
                    consumed += 1
                }
            }
        }
    }
}

/// Takes chunk outcomes in file order: reports their diagnostics and feeds their facts to the aggregates.
private struct OrderedConsumer {
    var aggregates: [any FileAggregate]
    var records = 0
    /// Every line's hash so far, so that file-level diagnostics carry their record's hash like the others.
    var lineHashes: [UInt64] = []

    mutating func consume(_ outcome: ChunkOutcome, report: (FileDiagnostic) throws -> Void) throws {
        records += outcome.records
        lineHashes.append(contentsOf: outcome.lineHashes)
        for diagnostic in outcome.diagnostics { try report(diagnostic) }
        for index in aggregates.indices { aggregates[index].absorb(chunkFacts: outcome.facts[index]) }
    }

    func finish(file: String, policy: DiagnosticPolicy, report: (FileDiagnostic) throws -> Void) throws {
        var found: [Diagnostic] = []
        for aggregate in aggregates { aggregate.finish(into: &found) }
        found.sort { $0.range.start < $1.range.start }
        for var diagnostic in found where policy.admit(&diagnostic) {
            let hash = lineHashes.indices.contains(diagnostic.line) ? lineHashes[diagnostic.line] : nil
            try report(FileDiagnostic(file: file, diagnostic: diagnostic, recordHash: hash))
        }
    }
}
