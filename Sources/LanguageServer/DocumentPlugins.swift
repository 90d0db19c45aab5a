import Checker
import DatasetIO
import Diagnostics
import PluginHost
import StageKit

/// What plugin stages found in an open document: each line's diagnostics (as if the record were on line 0), found in
/// the background in batches — a plugin runs in a worker process, and a slow or hung one must never hold up typing
/// or the other stages' diagnostics.
///
/// Plugins that judge each record alone are sent the edited lines again after the pause in typing. A whole-dataset
/// plugin must see the dataset once, in order, and then `finish`, which may report on any record: every change (in
/// place, or lines added or removed) runs every line through the whole-dataset plugins again, then `finish` with the
/// document's text at hand, and the result replaces all of their findings. The two groups are kept apart, so that
/// the first group's work stays proportional to the edit.
struct DocumentPlugins: Sendable {
    private(set) var perRecord: DeferredFacts<[Diagnostic]>
    private(set) var wholeDataset: DeferredFacts<[Diagnostic]>

    init(lineCount: Int) {
        perRecord = DeferredFacts(lineCount: lineCount)
        wholeDataset = DeferredFacts(lineCount: lineCount)
    }

    var diagnostics: [Diagnostic] { perRecord.diagnostics + wholeDataset.diagnostics }

    /// Whether background work made for `identity` is this document's (for either group).
    func owns(_ identity: UInt64) -> Bool { identity == perRecord.identity || identity == wholeDataset.identity }

    /// What remains to be done in the background, or nil when the diagnostics are current.
    func work(lines: DocumentLines, plan: CheckPlan) -> DeferredWork? {
        let whole = plan.plugins.filter(\.needsFileOrder)
        return Self.work(plan.plugins.filter { !$0.needsFileOrder }, facts: perRecord, lines: lines, policy: plan.policy, everyLine: false)
            ?? Self.work(whole, facts: wholeDataset, lines: lines, policy: plan.policy, everyLine: true)
    }

    private static func work(_ plugins: [PluginStage], facts: DeferredFacts<[Diagnostic]>, lines: DocumentLines,
                             policy: DiagnosticPolicy, everyLine: Bool) -> DeferredWork? {
        guard !plugins.isEmpty else { return nil }
        let only: [Int]?
        if facts.awaitsFirstComputation {
            only = nil
        } else if everyLine {
            // Deleted lines leave none pending, yet change what `finish` says: any change since the findings were
            // taken counts. Every line is named, so that the result is taken only if nothing changed meanwhile.
            guard !facts.pendingLines.isEmpty || facts.needsAggregation else { return nil }
            only = Array(0..<lines.count)
        } else {
            guard !facts.pendingLines.isEmpty else { return nil }
            only = facts.pendingLines.sorted()
        }
        return .computePlugins(lines, plugins, policy, only: only, identity: facts.identity,
                               structureVersion: facts.structureVersion, factsVersion: facts.factsVersion)
    }

    mutating func replace(lines range: Range<Int>, insertedCount: Int) {
        perRecord.replace(lines: range, insertedCount: insertedCount)
        wholeDataset.replace(lines: range, insertedCount: insertedCount)
    }

    mutating func insert(lines count: Int, before line: Int) {
        perRecord.insert(lines: count, before: line)
        wholeDataset.insert(lines: count, before: line)
    }

    mutating func delete(lines range: Range<Int>) {
        perRecord.delete(lines: range)
        wholeDataset.delete(lines: range)
    }

    /// Takes what the plugins of the group `identity` names found on every line (`only` nil) or on some lines.
    mutating func adopt(_ found: [Int: [Diagnostic]], only: [Int]?, identity: UInt64, structureVersion: Int, factsVersion: Int) {
        if identity == perRecord.identity {
            Self.adopt(found, only: only, structureVersion: structureVersion, factsVersion: factsVersion, into: &perRecord)
        } else if identity == wholeDataset.identity {
            Self.adopt(found, only: only, structureVersion: structureVersion, factsVersion: factsVersion, into: &wholeDataset)
        }
    }

    private static func adopt(_ found: [Int: [Diagnostic]], only: [Int]?, structureVersion: Int, factsVersion: Int,
                              into facts: inout DeferredFacts<[Diagnostic]>) {
        if only == nil {
            var all = [[Diagnostic]?](repeating: [], count: facts.facts.count)
            for (line, diagnostics) in found where all.indices.contains(line) { all[line] = diagnostics }
            guard facts.adopt(all, structureVersion: structureVersion) else { return }
        } else {
            var computed: [Int: [Diagnostic]?] = [:]
            for line in only ?? [] { computed[line] = found[line] ?? [] }
            guard facts.adopt(lines: computed, structureVersion: structureVersion, factsVersion: factsVersion) else { return }
        }
        var placed: [Diagnostic] = []
        for (line, diagnostics) in facts.facts.enumerated() {
            for diagnostic in diagnostics ?? [] { placed.append(diagnostic.moved(toLine: line)) }
        }
        facts.adopt(DocumentDuplicates.capped(placed), factsVersion: facts.factsVersion)
    }

    /// Runs `plugins` over `lines` (every line, or `only` these) in batches; each line's admitted diagnostics, as if
    /// its record were on line 0. With a whole-dataset plugin among them, every line runs whatever `only` says.
    static func run(_ plugins: [PluginStage], over lines: DocumentLines, only: [Int]?, policy: DiagnosticPolicy) -> [Int: [Diagnostic]] {
        let wholeDataset = plugins.contains(where: \.needsFileOrder)
        let wanted = (wholeDataset ? nil : only) ?? Array(0..<lines.count)
        // One quarantined in this run says so at the record it last failed on.
        let quarantined = plugins.filter(\.runner.isQuarantined)
        // A blank line is no record, as in `datalint check`: plugins never see one.
        let records = wanted.filter { $0 < lines.count && !LineSplitter.isBlank(lines.content($0)) }
        var found: [Int: [Diagnostic]] = [:]
        if wholeDataset {
            admit(runWholeDataset(plugins, over: Self.batch(records, of: lines)), policy: policy, into: &found)
        } else {
            for start in stride(from: 0, to: records.count, by: batchSize) {
                let batch = Self.batch(Array(records[start..<min(records.count, start + batchSize)]), of: lines)
                var diagnostics: [Diagnostic] = []
                for plugin in plugins { plugin.check(batch, into: &diagnostics) }
                admit(diagnostics, policy: policy, into: &found)
            }
        }
        admit(quarantineNotices(quarantined), policy: policy, into: &found)
        return found
    }

    /// A quarantined plugin checks nothing more in this session, so its findings are gone from every document: each
    /// says so on its first line, or the silence would read as "all clear".
    private static func quarantineNotices(_ plugins: [PluginStage]) -> [Diagnostic] {
        plugins.map { plugin in
            Diagnostic(code: PluginCode.quarantined.code, severity: .error,
                       message: "plugin \(plugin.name) failed too often and is quarantined: it checks no document until the "
                           + "language server restarts (the records it failed on were reported when it failed)",
                       range: .lineStart(0))
        }
    }

    /// The plugins' findings on the whole document (`PluginStage` calls a plugin with 1,000 records at a time), then
    /// what whole-dataset plugins say in `finish`, placed exactly on the document's records. The document is one
    /// buffer for the run, not a batch at a time: `finish` may name any of its records.
    private static func runWholeDataset(_ plugins: [PluginStage], over document: RecordBatch) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for plugin in plugins {
            // Documents share the plugins' instances: another document's records must not reach an instance between
            // this document's first record and its `finish`. One plugin at a time, so no two locks are ever held.
            plugin.runner.datasetRun.withLock { _ in
                plugin.check(document, into: &diagnostics)
                plugin.finishFile(resolvingIn: document, into: &diagnostics)
            }
        }
        return diagnostics
    }

    private static func admit(_ diagnostics: [Diagnostic], policy: DiagnosticPolicy, into found: inout [Int: [Diagnostic]]) {
        for var diagnostic in diagnostics where policy.admit(&diagnostic) {
            found[diagnostic.line, default: []].append(diagnostic.moved(by: { $0 - diagnostic.line }) ?? diagnostic)
        }
    }

    /// Records per call into a plugin, as in `datalint check` (a chunk).
    static let batchSize = 1_000

    /// The lines' text, one after another in one buffer, as a plugin batch wants them.
    private static func batch(_ numbers: [Int], of lines: DocumentLines) -> RecordBatch {
        var batch = RecordBatch()
        for line in numbers { batch.append(line: line, text: lines.content(line)) }
        return batch
    }
}
