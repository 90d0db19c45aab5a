import Checker
import Diagnostics
import LengthStage
import RecordScanner

/// The `length` stage's view of an open document: each line's token counts, and the length findings they show.
///
/// Tokenizing every record of a large document takes seconds, so it happens after the first diagnostics are out,
/// like duplicates; an edit re-tokenizes the lines it touched, and the file's usual lengths are judged again
/// from the kept counts of every other line.
struct DocumentLengths: Sendable {
    private(set) var base: DeferredFacts<LengthFacts>

    init(lineCount: Int) {
        base = DeferredFacts(lineCount: lineCount)
    }

    var facts: [LengthFacts?] { base.facts }
    var diagnostics: [Diagnostic] { base.diagnostics }
    var identity: UInt64 { base.identity }

    /// Every line's facts, when none awaits computing.
    var currentFacts: [LengthFacts?]? {
        base.awaitsFirstComputation || !base.pendingLines.isEmpty ? nil : base.facts
    }

    /// What remains to be done in the background, or nil when the diagnostics are current.
    func work(lines: DocumentLines, plan: CheckPlan) -> DeferredWork? {
        guard let stage = plan.lengthStage else { return nil }
        if base.awaitsFirstComputation {
            return .computeLengths(lines, stage, maxDepth: plan.maxDepth, identity: identity, structureVersion: base.structureVersion)
        }
        guard base.needsAggregation else { return nil }
        return .aggregateLengths(facts, stage, plan.policy, identity: identity, factsVersion: base.factsVersion)
    }

    mutating func replace(lines range: Range<Int>, insertedCount: Int) { base.replace(lines: range, insertedCount: insertedCount) }
    mutating func insert(lines count: Int, before line: Int) { base.insert(lines: count, before: line) }
    mutating func delete(lines range: Range<Int>) { base.delete(lines: range) }

    /// Tokenizes the edited lines (a few records: done in place).
    mutating func computePendingLines(_ lines: DocumentLines, stage: LengthStage, maxDepth: Int) {
        var scanner = RecordScanner(maxDepth: maxDepth)
        var record = ParsedRecord()
        base.computePendingLines { line in lines.facts(of: line, stage: stage, scanner: &scanner, record: &record) ?? nil }
    }

    mutating func adopt(_ computed: [LengthFacts?], structureVersion: Int) -> Bool {
        base.adopt(computed, structureVersion: structureVersion)
    }

    mutating func adopt(_ found: [Diagnostic], factsVersion: Int) { base.adopt(found, factsVersion: factsVersion) }

    /// The diagnostics of the `length` aggregate over every line's facts.
    static func aggregate(_ facts: [LengthFacts?], stage: LengthStage, policy: (inout Diagnostic) -> Bool) -> [Diagnostic] {
        var aggregate = stage.makeAggregate()
        for (line, lineFacts) in facts.enumerated() { aggregate.absorb(lineFacts, line: line) }
        var found: [Diagnostic] = []
        aggregate.finish(into: &found)
        var admitted: [Diagnostic] = []
        for var diagnostic in found where policy(&diagnostic) { admitted.append(diagnostic) }
        return DocumentDuplicates.capped(admitted)
    }
}
