import Checker
import Diagnostics
import DuplicateStage
import Foundation
import LengthStage
import PluginHost
import RecordScanner
import StageKit
import Synchronization

/// The two queues of a document's background work. Plugins have their own: a plugin may take up to its time limit
/// per batch, and the built-in stages' findings must not wait for it after an edit.
enum DeferredLane: Sendable, CaseIterable {
    /// Duplicates and lengths.
    case builtIn
    case plugins
}

/// Background work for the stages the language server runs after the first diagnostics (`DocumentDuplicates`,
/// `DocumentLengths`, `DocumentPlugins`), with what it needs to run away from the workspace actor.
enum DeferredWork: Sendable {
    case computeDuplicates(DocumentLines, DuplicateStage, maxDepth: Int, identity: UInt64, structureVersion: Int)
    case aggregateDuplicates([DuplicateFacts?], DocumentLines, DuplicateStage, DiagnosticPolicy, identity: UInt64, factsVersion: Int)
    case computeLengths(DocumentLines, LengthStage, maxDepth: Int, identity: UInt64, structureVersion: Int)
    case aggregateLengths([LengthFacts?], LengthStage, DiagnosticPolicy, identity: UInt64, factsVersion: Int)
    /// Plugin stages over every line (`only` nil: the first time) or the lines `only` names (the edited ones, or
    /// every line again when a whole-dataset plugin is loaded).
    case computePlugins(DocumentLines, [PluginStage], DiagnosticPolicy, only: [Int]?, identity: UInt64, structureVersion: Int,
                        factsVersion: Int)

    var isFirstComputation: Bool {
        switch self {
        case .computeDuplicates, .computeLengths: true
        case .computePlugins(_, _, _, let only, _, _, _): only == nil
        default: false
        }
    }

    /// What the work-done progress says while a large document's facts are first computed.
    var progressTitle: String {
        switch self {
        case .computeLengths, .aggregateLengths: "Counting tokens"
        case .computePlugins: "Running plugins"
        default: "Finding duplicates"
        }
    }
}

/// Runs `DeferredWork` on threads of its own, like `ParallelAnalysis`: signing or tokenizing every record of a large
/// document is seconds of CPU work that must not occupy the cooperative pool the message loop runs on.
enum DeferredAnalysis {
    enum Outcome: Sendable {
        case duplicateFacts([DuplicateFacts?], identity: UInt64, structureVersion: Int)
        case lengthFacts([LengthFacts?], identity: UInt64, structureVersion: Int)
        case pluginFindings([Int: [Diagnostic]], only: [Int]?, identity: UInt64, structureVersion: Int, factsVersion: Int)
        /// Aggregated diagnostics of the stage whose facts carry `identity`.
        case diagnostics([Diagnostic], identity: UInt64, factsVersion: Int)
    }

    static func run(_ work: DeferredWork) async -> Outcome {
        switch work {
        case .computeDuplicates(let lines, let stage, let maxDepth, let identity, let structureVersion):
            let facts = await computeAll(lines, stage: stage, maxDepth: maxDepth).map { $0 ?? nil }
            return .duplicateFacts(facts, identity: identity, structureVersion: structureVersion)
        case .aggregateDuplicates(let facts, let lines, let stage, let policy, let identity, let factsVersion):
            let found = await onThread { DocumentDuplicates.aggregate(facts, lines: lines, stage: stage, policy: { policy.admit(&$0) }) }
            return .diagnostics(found, identity: identity, factsVersion: factsVersion)
        case .computeLengths(let lines, let stage, let maxDepth, let identity, let structureVersion):
            let facts = await computeAll(lines, stage: stage, maxDepth: maxDepth).map { $0 ?? nil }
            return .lengthFacts(facts, identity: identity, structureVersion: structureVersion)
        case .aggregateLengths(let facts, let stage, let policy, let identity, let factsVersion):
            let found = await onThread { DocumentLengths.aggregate(facts, stage: stage, policy: { policy.admit(&$0) }) }
            return .diagnostics(found, identity: identity, factsVersion: factsVersion)
        case .computePlugins(let lines, let plugins, let policy, let only, let identity, let structureVersion, let factsVersion):
            let found = await onThread { DocumentPlugins.run(plugins, over: lines, only: only, policy: policy) }
            return .pluginFindings(found, only: only, identity: identity, structureVersion: structureVersion, factsVersion: factsVersion)
        }
    }

    /// Every line's facts (nil for the empty line after a final newline), computed on threads of their own.
    static func computeAll<Stage: RecordStage>(_ lines: DocumentLines, stage: Stage, maxDepth: Int) async -> [Stage.Facts?] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, lines.count / 1_000 + 1))
        let pieceSize = (lines.count + workers - 1) / workers
        let pieces = Mutex((Array(repeating: [Stage.Facts?](), count: workers), workers))
        return await withCheckedContinuation { continuation in
            for worker in 0..<workers {
                let range = (worker * pieceSize)..<min(lines.count, (worker + 1) * pieceSize)
                let thread = Thread {
                    var scanner = RecordScanner(maxDepth: maxDepth)
                    var record = ParsedRecord()
                    let piece = range.map { lines.facts(of: $0, stage: stage, scanner: &scanner, record: &record) }
                    let all: [Stage.Facts?]? = pieces.withLock { state in
                        state.0[worker] = piece
                        state.1 -= 1
                        return state.1 == 0 ? state.0.flatMap { $0 } : nil
                    }
                    if let all { continuation.resume(returning: all) }
                }
                thread.name = "datalint-\(stage.name)-\(worker)"
                thread.start()
            }
        }
    }

    private static func onThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = "datalint-aggregate"
            thread.start()
        }
    }
}

extension DocumentLines {
    /// The facts `stage` finds in the record on `line` (nil for the empty line after a final newline). The record is
    /// scanned as if on line 0: facts carry no line, so they stay valid when edits above move the record.
    func facts<Stage: RecordStage>(of line: Int, stage: Stage, scanner: inout RecordScanner,
                                   record: inout ParsedRecord) -> Stage.Facts? {
        guard !isTrailingEmptyLine(line) else { return nil }
        let storage = storage(line)
        scanner.scan(storage.bytes, lineRange: storage.contentRange, lineNumber: 0, into: &record)
        var ignored: [Diagnostic] = []
        return stage.check(record, into: &ignored)
    }
}

/// A document's lane of background work.
struct DeferredKey: Hashable, Sendable {
    let uri: String
    let lane: DeferredLane
}
