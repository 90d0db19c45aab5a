import Checker
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
    /// Per line: the record's facts, or nil (blank, not JSON, no text, or not computed yet).
    private(set) var facts: [DuplicateFacts?]
    /// True until every line's facts were computed once.
    private(set) var awaitsFirstComputation = true
    /// Lines edited since their facts were computed.
    private(set) var pendingLines: Set<Int> = []
    /// The last aggregation's diagnostics, at the lines of the current text.
    private(set) var diagnostics: [Diagnostic] = []
    /// Bumped by every change of facts, so that a result computed from an older state is recognised.
    private(set) var factsVersion = 0
    private(set) var aggregatedVersion = -1
    /// Bumped when lines are added or removed: computed facts then no longer line up with the lines.
    private(set) var structureVersion = 0
    /// What the workspace index holds of this document: the line structure it was last written with, and lines
    /// edited since (in place).
    private(set) var indexedStructureVersion: Int?
    private(set) var unindexedLines: Set<Int> = []
    /// Records of other dataset files that this document's records repeat, at the lines of the current text.
    private(set) var crossFileDiagnostics: [Diagnostic] = []

    /// Tells this document's results from those of a document opened, reset or reconfigured before it.
    let identity = UInt64.random(in: 0...UInt64.max)

    init(lineCount: Int) {
        facts = Array(repeating: nil, count: lineCount)
    }

    /// What remains to be done in the background, or nil when the diagnostics are current.
    func work(lines: DocumentLines, plan: CheckPlan) -> DuplicateWork? {
        guard let stage = plan.duplicateStage else { return nil }
        if awaitsFirstComputation {
            return .computeAll(lines, stage, maxDepth: plan.maxDepth, identity: identity, structureVersion: structureVersion)
        }
        guard aggregatedVersion != factsVersion, pendingLines.isEmpty else { return nil }
        return .aggregate(facts, lines, stage, plan.policy, identity: identity, factsVersion: factsVersion)
    }

    /// Lines `range` were replaced by `insertedCount` lines.
    mutating func replace(lines range: Range<Int>, insertedCount: Int) {
        factsVersion += 1
        if insertedCount == range.count {
            pendingLines.formUnion(range.lowerBound..<(range.lowerBound + insertedCount))
            unindexedLines.formUnion(range.lowerBound..<(range.lowerBound + insertedCount))
            return
        }
        let delta = insertedCount - range.count
        moveLines { line in line < range.lowerBound ? line : line >= range.upperBound ? line + delta : nil }
        facts.replaceSubrange(range, with: repeatElement(nil, count: insertedCount))
        pendingLines.formUnion(range.lowerBound..<(range.lowerBound + insertedCount))
    }

    /// `count` new lines were inserted before `line`, which moved down unchanged (a line typed above it).
    mutating func insert(lines count: Int, before line: Int) {
        factsVersion += 1
        moveLines { $0 < line ? $0 : $0 + count }
        facts.insert(contentsOf: repeatElement(nil, count: count), at: min(line, facts.count))
        pendingLines.formUnion(line..<(line + count))
    }

    /// Whole lines `range` were deleted; the lines after them moved up unchanged.
    mutating func delete(lines range: Range<Int>) {
        factsVersion += 1
        moveLines { line in line < range.lowerBound ? line : line >= range.upperBound ? line - range.count : nil }
        facts.removeSubrange(range.clamped(to: facts.indices))
    }

    /// Lines moved (`moved` gives each old line its new one, nil for lines that are gone): what was computed for the
    /// old lines follows them until the next regrouping; the index must be rewritten.
    private mutating func moveLines(_ moved: (Int) -> Int?) {
        structureVersion += 1
        pendingLines = Set(pendingLines.compactMap(moved))
        diagnostics = diagnostics.compactMap { $0.moved(by: moved) }
        crossFileDiagnostics = crossFileDiagnostics.compactMap { $0.moved(by: moved) }
        unindexedLines = []
    }

    // MARK: The workspace index

    /// What must be written to the workspace index for it to hold this document's current records, or nil.
    var indexSync: IndexSync? {
        guard !awaitsFirstComputation, pendingLines.isEmpty else { return nil }
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
                pendingLines.contains(line) || !written.indices.contains(line) || facts[line] != written[line]
            }
        case .update(let lines, let version):
            guard version == structureVersion else { return }
            for (line, written) in lines where !pendingLines.contains(line) && facts.indices.contains(line) && facts[line] == written {
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
        guard !awaitsFirstComputation, !pendingLines.isEmpty else { return }
        var scanner = RecordScanner(maxDepth: maxDepth)
        var record = ParsedRecord()
        for line in pendingLines where line < facts.count {
            facts[line] = Self.facts(of: line, in: lines, stage: stage, scanner: &scanner, record: &record)
        }
        pendingLines.removeAll()
    }

    /// Takes every line's facts computed from the text of `structureVersion`; false when lines moved meanwhile.
    mutating func adopt(_ computed: [DuplicateFacts?], structureVersion: Int) -> Bool {
        guard structureVersion == self.structureVersion, computed.count == facts.count else { return false }
        // Lines edited in place while the facts were computed stay pending and are recomputed from their new text.
        for line in computed.indices where !pendingLines.contains(line) { facts[line] = computed[line] }
        awaitsFirstComputation = false
        factsVersion += 1
        return true
    }

    /// Takes diagnostics aggregated from the facts of `factsVersion`; ignored when the facts changed meanwhile.
    mutating func adopt(_ found: [Diagnostic], factsVersion: Int) {
        guard factsVersion == self.factsVersion else { return }
        diagnostics = found
        aggregatedVersion = factsVersion
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
        guard !lines.isTrailingEmptyLine(line) else { return nil }
        let storage = lines.storage(line)
        scanner.scan(storage.bytes, lineRange: storage.contentRange, lineNumber: 0, into: &record)
        var ignored: [Diagnostic] = []
        return stage.check(record, into: &ignored)
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

/// Background work for `DocumentDuplicates`, with what it needs to run away from the workspace actor.
enum DuplicateWork: Sendable {
    case computeAll(DocumentLines, DuplicateStage, maxDepth: Int, identity: UInt64, structureVersion: Int)
    case aggregate([DuplicateFacts?], DocumentLines, DuplicateStage, DiagnosticPolicy, identity: UInt64, factsVersion: Int)

    var isFirstComputation: Bool {
        if case .computeAll = self { true } else { false }
    }
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
