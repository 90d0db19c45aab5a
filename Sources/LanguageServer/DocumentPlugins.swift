import Checker
import Diagnostics
import PluginHost
import StageKit

/// What plugin stages found in an open document: each line's diagnostics (as if the record were on line 0), found in
/// the background in batches — a plugin runs in a worker process, and a slow or hung one must never hold up typing
/// or the other stages' diagnostics. Edited lines are sent again after the pause in typing.
///
/// Whole-dataset plugins' `finish` is not called in the editor: an edit re-checks records the plugin already saw.
struct DocumentPlugins: Sendable {
    private(set) var base: DeferredFacts<[Diagnostic]>

    init(lineCount: Int) {
        base = DeferredFacts(lineCount: lineCount)
    }

    var diagnostics: [Diagnostic] { base.diagnostics }
    var identity: UInt64 { base.identity }

    /// What remains to be done in the background, or nil when the diagnostics are current.
    func work(lines: DocumentLines, plan: CheckPlan) -> DeferredWork? {
        guard !plan.plugins.isEmpty else { return nil }
        if base.awaitsFirstComputation {
            return .computePlugins(lines, plan.plugins, plan.policy, only: nil, identity: identity,
                                   structureVersion: base.structureVersion, factsVersion: base.factsVersion)
        }
        guard !base.pendingLines.isEmpty else { return nil }
        return .computePlugins(lines, plan.plugins, plan.policy, only: base.pendingLines.sorted(), identity: identity,
                               structureVersion: base.structureVersion, factsVersion: base.factsVersion)
    }

    mutating func replace(lines range: Range<Int>, insertedCount: Int) { base.replace(lines: range, insertedCount: insertedCount) }
    mutating func insert(lines count: Int, before line: Int) { base.insert(lines: count, before: line) }
    mutating func delete(lines range: Range<Int>) { base.delete(lines: range) }

    /// Takes what the plugins found on every line (`only` nil) or on some lines.
    mutating func adopt(_ found: [Int: [Diagnostic]], only: [Int]?, structureVersion: Int, factsVersion: Int) {
        if only == nil {
            var all = [[Diagnostic]?](repeating: [], count: base.facts.count)
            for (line, diagnostics) in found where all.indices.contains(line) { all[line] = diagnostics }
            guard base.adopt(all, structureVersion: structureVersion) else { return }
        } else {
            var computed: [Int: [Diagnostic]?] = [:]
            for line in only ?? [] { computed[line] = found[line] ?? [] }
            guard base.adopt(lines: computed, structureVersion: structureVersion, factsVersion: factsVersion) else { return }
        }
        var placed: [Diagnostic] = []
        for (line, diagnostics) in base.facts.enumerated() {
            for diagnostic in diagnostics ?? [] { placed.append(diagnostic.moved(toLine: line)) }
        }
        base.adopt(DocumentDuplicates.capped(placed), factsVersion: base.factsVersion)
    }

    /// Runs `plugins` over `lines` (every line, or `only` these) in batches; each line's admitted diagnostics, as if
    /// its record were on line 0.
    static func run(_ plugins: [PluginStage], over lines: DocumentLines, only: [Int]?, policy: DiagnosticPolicy) -> [Int: [Diagnostic]] {
        let wanted = (only ?? Array(0..<lines.count)).filter { $0 < lines.count && !lines.isTrailingEmptyLine($0) }
        var found: [Int: [Diagnostic]] = [:]
        for start in stride(from: 0, to: wanted.count, by: batchSize) {
            let batch = Self.batch(Array(wanted[start..<min(wanted.count, start + batchSize)]), of: lines)
            var diagnostics: [Diagnostic] = []
            for plugin in plugins { plugin.check(batch, into: &diagnostics) }
            for var diagnostic in diagnostics where policy.admit(&diagnostic) {
                found[diagnostic.line, default: []].append(diagnostic.moved(by: { $0 - diagnostic.line }) ?? diagnostic)
            }
        }
        return found
    }

    /// Records per call into a plugin, as in `datalint check` (a chunk).
    static let batchSize = 1_000

    /// The lines' text, one after another in one buffer, as a plugin batch wants them.
    private static func batch(_ numbers: [Int], of lines: DocumentLines) -> RecordBatch {
        var storage: [UInt8] = []
        var ranges: [Range<Int>] = []
        for line in numbers {
            let content = lines.content(line)
            let start = storage.count
            storage.append(contentsOf: content)
            ranges.append(start..<storage.count)
            storage.append(0x0A)
        }
        return RecordBatch(storage: storage, lines: numbers, ranges: ranges)
    }
}
