import Diagnostics
import DuplicateStage
import Foundation
import RecordScanner
import Synchronization

/// Runs `DuplicateWork` on threads of its own, like `ParallelAnalysis`: signing every record of a large document is
/// seconds of CPU work that must not occupy the cooperative pool the message loop runs on.
enum DuplicateAnalysis {
    enum Outcome: Sendable {
        case facts([DuplicateFacts?], identity: UInt64, structureVersion: Int)
        case diagnostics([Diagnostic], identity: UInt64, factsVersion: Int)
    }

    static func run(_ work: DuplicateWork) async -> Outcome {
        switch work {
        case .computeAll(let lines, let stage, let maxDepth, let identity, let structureVersion):
            let facts = await computeAll(lines, stage: stage, maxDepth: maxDepth)
            return .facts(facts, identity: identity, structureVersion: structureVersion)
        case .aggregate(let facts, let lines, let stage, let policy, let identity, let factsVersion):
            let found = await onThread { DocumentDuplicates.aggregate(facts, lines: lines, stage: stage, policy: { policy.admit(&$0) }) }
            return .diagnostics(found, identity: identity, factsVersion: factsVersion)
        }
    }

    /// Every line's facts, computed on threads of their own.
    static func computeAll(_ lines: DocumentLines, stage: DuplicateStage, maxDepth: Int) async -> [DuplicateFacts?] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, lines.count / 1_000 + 1))
        let pieceSize = (lines.count + workers - 1) / workers
        let pieces = Mutex((Array(repeating: [DuplicateFacts?](), count: workers), workers))
        return await withCheckedContinuation { continuation in
            for worker in 0..<workers {
                let range = (worker * pieceSize)..<min(lines.count, (worker + 1) * pieceSize)
                let thread = Thread {
                    var scanner = RecordScanner(maxDepth: maxDepth)
                    var record = ParsedRecord()
                    let piece = range.map { DocumentDuplicates.facts(of: $0, in: lines, stage: stage, scanner: &scanner, record: &record) }
                    let all: [DuplicateFacts?]? = pieces.withLock { state in
                        state.0[worker] = piece
                        state.1 -= 1
                        return state.1 == 0 ? state.0.flatMap { $0 } : nil
                    }
                    if let all { continuation.resume(returning: all) }
                }
                thread.name = "datalint-duplicates-\(worker)"
                thread.start()
            }
        }
    }

    private static func onThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = "datalint-duplicates"
            thread.start()
        }
    }
}
