import Checker
import DatasetIO
import Diagnostics
import DuplicateStage
import RecordScanner

/// The `dedup` stage's view of an open document: each line's hashes and signature, and the duplicates they show.
///
/// Kept apart from the other stages' analysis so that neither the first diagnostics nor an edit wait for it: the
/// facts of a new document are computed after its first publication (on threads of their own, with progress), an
/// edit recomputes the facts of the lines it touched, and grouping and clustering the whole file runs in the
/// background after a pause in typing. Until then the last results stay, moved with the lines they belong to.
struct DocumentDuplicates: Sendable {
    private(set) var base: DeferredFacts<DuplicateFacts>
    /// What the workspace index holds of this document: the line structure it was last written with, and lines
    /// edited since (in place).
    private(set) var indexedStructureVersion: Int?
    private(set) var unindexedLines: Set<Int> = []
    /// Records of other dataset files that this document's records repeat, at the lines of the current text.
    private(set) var crossFileDiagnostics: [Diagnostic] = []

    init(lineCount: Int) {
        base = DeferredFacts(lineCount: lineCount)
    }

    var facts: [DuplicateFacts?] { base.facts }
    var diagnostics: [Diagnostic] { base.diagnostics }
    var structureVersion: Int { base.structureVersion }
    var identity: UInt64 { base.identity }

    /// What remains to be done in the background, or nil when the diagnostics are current.
    func work(lines: DocumentLines, plan: CheckPlan) -> DeferredWork? {
        guard let stage = plan.duplicateStage else { return nil }
        if base.awaitsFirstComputation {
            return .computeDuplicates(lines, stage, maxDepth: plan.maxDepth, identity: identity, structureVersion: structureVersion)
        }
        guard base.needsAggregation else { return nil }
        return .aggregateDuplicates(facts, lines, stage, plan.policy, identity: identity, factsVersion: base.factsVersion)
    }

    /// Lines `range` were replaced by `insertedCount` lines.
    mutating func replace(lines range: Range<Int>, insertedCount: Int) {
        if let moved = base.replace(lines: range, insertedCount: insertedCount) {
            moveLines(moved)
        } else {
            unindexedLines.formUnion(range.lowerBound..<(range.lowerBound + insertedCount))
        }
    }

    /// `count` new lines were inserted before `line`, which moved down unchanged (a line typed above it).
    mutating func insert(lines count: Int, before line: Int) {
        moveLines(base.insert(lines: count, before: line))
    }

    /// Whole lines `range` were deleted; the lines after them moved up unchanged.
    mutating func delete(lines range: Range<Int>) {
        moveLines(base.delete(lines: range))
    }

    /// Lines moved: cross-file findings follow them until the next lookup; the index must be rewritten.
    private mutating func moveLines(_ moved: (Int) -> Int?) {
        crossFileDiagnostics = crossFileDiagnostics.compactMap { $0.moved(by: moved) }
        unindexedLines = []
    }

    // MARK: The workspace index

    /// What must be written to the workspace index for it to hold this document's current records, or nil.
    var indexSync: IndexSync? {
        guard !base.awaitsFirstComputation, base.pendingLines.isEmpty else { return nil }
        if indexedStructureVersion != structureVersion {
            return .replace(facts, structureVersion: structureVersion)
        }
        guard !unindexedLines.isEmpty else { return nil }
        return .update(unindexedLines.sorted().map { ($0, facts[$0]) }, structureVersion: structureVersion)
    }

    mutating func markIndexed(_ sync: IndexSync) {
        switch sync {
        case .replace(let written, let version):
            guard version == structureVersion else { return }
            indexedStructureVersion = version
            // Lines edited while the records were written stay unindexed: their facts are newer than what was written
            // (or not computed yet).
            unindexedLines = unindexedLines.filter { line in
                base.pendingLines.contains(line) || !written.indices.contains(line) || facts[line] != written[line]
            }
        case .update(let lines, let version):
            guard version == structureVersion else { return }
            for (line, written) in lines where !base.pendingLines.contains(line) && facts.indices.contains(line) && facts[line] == written {
                unindexedLines.remove(line)
            }
        }
    }

    mutating func adoptCrossFile(_ found: [Diagnostic], structureVersion: Int) {
        guard structureVersion == self.structureVersion else { return }
        crossFileDiagnostics = found
    }

    /// Computes the facts of the edited lines (a few records: done in place).
    mutating func computePendingLines(_ lines: DocumentLines, stage: DuplicateStage, maxDepth: Int) {
        var scanner = RecordScanner(maxDepth: maxDepth)
        var record = ParsedRecord()
        base.computePendingLines { line in
            Self.facts(of: line, in: lines, stage: stage, scanner: &scanner, record: &record)
        }
    }

    /// Takes every line's facts computed from the text of `structureVersion`; false when lines moved meanwhile.
    mutating func adopt(_ computed: [DuplicateFacts?], structureVersion: Int) -> Bool {
        base.adopt(computed, structureVersion: structureVersion)
    }

    /// Takes diagnostics aggregated from the facts of `factsVersion`; ignored when the facts changed meanwhile.
    mutating func adopt(_ found: [Diagnostic], factsVersion: Int) {
        base.adopt(found, factsVersion: factsVersion)
    }

    /// The diagnostics of the `dedup` aggregate over `facts` (every line's facts at its line).
    static func aggregate(_ facts: [DuplicateFacts?], lines: DocumentLines, stage: DuplicateStage,
                          policy: (inout Diagnostic) -> Bool) -> [Diagnostic] {
        var aggregate = stage.makeAggregate()
        aggregate.measureExactly(with: DocumentLineSource(lines: lines), stage: stage)
        for (line, lineFacts) in facts.enumerated() { aggregate.absorb(lineFacts, line: line) }
        var found: [Diagnostic] = []
        aggregate.finish(into: &found)
        var admitted: [Diagnostic] = []
        for var diagnostic in found where policy(&diagnostic) { admitted.append(diagnostic) }
        admitted.sort { $0.range.start < $1.range.start }
        return capped(admitted)
    }

    /// At most this many duplicate findings are shown per document; the rest are counted in one summary.
    static let editorLimit = 2_000

    /// An editor lists every diagnostic of a document after every keystroke: tens of thousands of duplicate
    /// findings (a dataset that answers each prompt several times) would cost more to send and draw than to
    /// find. The first ones are kept, and a summary on the first line says how many more `datalint check` lists.
    static func capped(_ diagnostics: [Diagnostic], limit: Int = editorLimit) -> [Diagnostic] {
        guard diagnostics.count > limit else { return diagnostics }
        let dropped = diagnostics[limit...]
        var counts: [DiagnosticCode: Int] = [:]
        for diagnostic in dropped { counts[diagnostic.code, default: 0] += 1 }
        let breakdown = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let summary = Diagnostic(code: DuplicateCode.notShown.code, severity: DuplicateCode.notShown.defaultSeverity,
                                 message: "\(dropped.count) more duplicate findings after line \(diagnostics[limit - 1].line + 1) are not shown in the editor (\(breakdown)); `datalint check` lists them all",
                                 range: .lineStart(0))
        return [summary] + diagnostics[..<limit]
    }

    static func facts(of line: Int, in lines: DocumentLines, stage: DuplicateStage, scanner: inout RecordScanner,
                      record: inout ParsedRecord) -> DuplicateFacts? {
        lines.facts(of: line, stage: stage, scanner: &scanner, record: &record) ?? nil
    }
}

extension Diagnostic {
    /// The diagnostic after lines moved (`moved` maps old lines to new ones, nil for removed lines); nil when its
    /// own line is gone. Related places in this file move too, and are dropped when their line is gone.
    func moved(by moved: (Int) -> Int?) -> Diagnostic? {
        guard let line = moved(self.line) else { return nil }
        var shifted = self
        shifted.range = self.range.moved(by: line - self.line)
        shifted.related = related.compactMap { information in
            guard information.file == nil else { return information }
            guard let relatedLine = moved(information.range.start.line) else { return nil }
            var copy = information
            copy.range = information.range.moved(by: relatedLine - information.range.start.line)
            return copy
        }
        shifted.fixes = fixes.map { fix in
            var copy = fix
            copy.edits = fix.edits.map { TextEdit(range: $0.range.moved(by: line - self.line), newText: $0.newText) }
            return copy
        }
        return shifted
    }
}

/// Records to write to the workspace index for one open document.
enum IndexSync: Sendable {
    /// Every record (lines moved, or the first time).
    case replace([DuplicateFacts?], structureVersion: Int)
    /// Records of lines edited in place.
    case update([(line: Int, facts: DuplicateFacts?)], structureVersion: Int)
}

/// The lines of an open document, for measuring borderline near duplicates exactly.
struct DocumentLineSource: LineSource {
    let lines: DocumentLines

    func lines(_ wanted: Set<Int>) -> [Int: [UInt8]] {
        var found: [Int: [UInt8]] = [:]
        for line in wanted where line < lines.count { found[line] = Array(lines.content(line)) }
        return found
    }
}
