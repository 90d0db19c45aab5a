import Checker
import Diagnostics
import DuplicateStage
import LengthStage
import RecordScanner
import StageKit

/// What the stages found in one record, kept per line so that an edit re-checks only the lines it touched.
///
/// Diagnostics are stored as if the record were on line 0, and facts carry no line: both stay valid when
/// edits above move the record, and are placed at the record's current line when published.
struct RecordAnalysis: Sendable {
    var diagnostics: [Diagnostic]
    /// One facts value per stage of the plan, in stage order.
    var facts: [any Sendable]
    /// The record's name in the document outline (its first user message), and its schema.
    var outline: RecordOutline?

    static let blank = RecordAnalysis(diagnostics: [], facts: [], outline: nil)
}

/// Checks single records with a plan's stages, all but `dedup` and `length`: their facts cost more than the other
/// stages together (signing, tokenizing), so `DocumentDuplicates` and `DocumentLengths` run them after the first
/// diagnostics are out.
struct RecordAnalyzer: Sendable {
    let plan: CheckPlan
    let stages: [AnyRecordStage]

    init(plan: CheckPlan) {
        self.plan = plan
        let plugins = Set(plan.plugins.map(\.name))
        stages = plan.stages.filter { $0.name != DuplicateStage.stageName && $0.name != LengthStage.stageName && !plugins.contains($0.name) }
    }

    /// Checks the record in `line` (its storage and content range, as `DocumentLines.storage` gives them).
    func analyze(_ line: (bytes: [UInt8], contentRange: Range<Int>), scanner: inout RecordScanner, record: inout ParsedRecord)
        -> RecordAnalysis {
        scanner.scan(line.bytes, lineRange: line.contentRange, lineNumber: 0, into: &record)
        var found: [Diagnostic] = []
        var facts: [any Sendable] = []
        facts.reserveCapacity(stages.count)
        for stage in stages { facts.append(stage.check(record, into: &found)) }
        var admitted: [Diagnostic] = []
        for var diagnostic in found where plan.policy.admit(&diagnostic) { admitted.append(diagnostic) }
        return RecordAnalysis(diagnostics: admitted, facts: facts, outline: RecordOutline(record))
    }

    /// True when every stage's facts are equal: the record cannot change what the file as a whole shows.
    func factsAreEqual(_ old: [any Sendable], _ new: [any Sendable]) -> Bool {
        old.count == new.count && stages.indices.allSatisfy { stages[$0].factsAreEqual(old[$0], new[$0]) }
    }

    /// The file-level diagnostics of the stages' aggregates over every record, in line order.
    func fileDiagnostics(_ analyses: [RecordAnalysis?]) -> [Diagnostic] {
        var aggregates = stages.map { $0.makeAggregate() }
        for (line, analysis) in analyses.enumerated() {
            guard let analysis, analysis.facts.count == aggregates.count else { continue }
            for index in aggregates.indices { aggregates[index].absorb(recordFacts: analysis.facts[index], line: line) }
        }
        var found: [Diagnostic] = []
        for aggregate in aggregates { aggregate.finish(into: &found) }
        var admitted: [Diagnostic] = []
        for var diagnostic in found where plan.policy.admit(&diagnostic) { admitted.append(diagnostic) }
        return admitted.sorted { $0.range.start < $1.range.start }
    }
}

/// A record as the outline shows it.
struct RecordOutline: Sendable {
    let name: String
    let detail: String

    static let nameLimit = 80

    init?(_ record: ParsedRecord) {
        guard record.rootObject != nil else { return nil }
        let summary = RecordSummary(record, countingCharacters: false)
        let flattened = summary.title ?? ""
        let cut = flattened.index(flattened.startIndex, offsetBy: Self.nameLimit, limitedBy: flattened.endIndex)
        name = flattened.isEmpty ? "(\(summary.schema?.displayName ?? "record"))"
            : cut.map { $0 < flattened.endIndex ? String(flattened[..<$0]) + "…" : flattened } ?? flattened
        detail = [summary.schema?.displayName, summary.turns > 0 ? "\(summary.turns) turns" : nil]
            .compactMap { $0 }.joined(separator: ", ")
    }
}
