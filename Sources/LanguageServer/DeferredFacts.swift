import Diagnostics

/// The per-line facts of a stage the language server runs after the first diagnostics are out (`dedup`,
/// `length`), and the diagnostics its aggregate last found in them.
///
/// The facts of a new document are computed once in the background; an edit marks the lines it touched pending,
/// and their facts are recomputed in place (a few records); aggregating the whole file runs in the background
/// after a pause in typing. Until then the last diagnostics stay, moved with the lines they belong to.
struct DeferredFacts<Facts: Sendable & Equatable>: Sendable {
    /// Per line: the record's facts, or nil (blank, not JSON, nothing to say, or not computed yet).
    private(set) var facts: [Facts?]
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

    /// Tells this document's results from those of a document opened, reset or reconfigured before it.
    let identity = UInt64.random(in: 0...UInt64.max)

    init(lineCount: Int) {
        facts = Array(repeating: nil, count: lineCount)
    }

    /// True when every line's facts are current but the diagnostics were aggregated from older ones.
    var needsAggregation: Bool { !awaitsFirstComputation && pendingLines.isEmpty && aggregatedVersion != factsVersion }

    /// Lines `range` were replaced by `insertedCount` lines. Returns how old lines map to new ones when lines moved
    /// (nil for lines that are gone), or nil when the lines were edited in place.
    @discardableResult
    mutating func replace(lines range: Range<Int>, insertedCount: Int) -> ((Int) -> Int?)? {
        factsVersion += 1
        if insertedCount == range.count {
            pendingLines.formUnion(range.lowerBound..<(range.lowerBound + insertedCount))
            return nil
        }
        let delta = insertedCount - range.count
        let moved = { (line: Int) -> Int? in line < range.lowerBound ? line : line >= range.upperBound ? line + delta : nil }
        moveLines(moved)
        facts.replaceSubrange(range, with: repeatElement(nil, count: insertedCount))
        pendingLines.formUnion(range.lowerBound..<(range.lowerBound + insertedCount))
        return moved
    }

    /// `count` new lines were inserted before `line`, which moved down unchanged (a line typed above it).
    @discardableResult
    mutating func insert(lines count: Int, before line: Int) -> (Int) -> Int? {
        factsVersion += 1
        let moved = { (old: Int) -> Int? in old < line ? old : old + count }
        moveLines(moved)
        facts.insert(contentsOf: repeatElement(nil, count: count), at: min(line, facts.count))
        pendingLines.formUnion(line..<(line + count))
        return moved
    }

    /// Whole lines `range` were deleted; the lines after them moved up unchanged.
    @discardableResult
    mutating func delete(lines range: Range<Int>) -> (Int) -> Int? {
        factsVersion += 1
        let moved = { (line: Int) -> Int? in line < range.lowerBound ? line : line >= range.upperBound ? line - range.count : nil }
        moveLines(moved)
        facts.removeSubrange(range.clamped(to: facts.indices))
        return moved
    }

    private mutating func moveLines(_ moved: (Int) -> Int?) {
        structureVersion += 1
        pendingLines = Set(pendingLines.compactMap(moved))
        diagnostics = diagnostics.compactMap { $0.moved(by: moved) }
    }

    /// Computes the facts of the edited lines with `compute` (a few records: done in place).
    mutating func computePendingLines(_ compute: (Int) -> Facts?) {
        guard !awaitsFirstComputation, !pendingLines.isEmpty else { return }
        for line in pendingLines where line < facts.count { facts[line] = compute(line) }
        pendingLines.removeAll()
    }

    /// Takes every line's facts computed from the text of `structureVersion`; false when lines moved meanwhile.
    mutating func adopt(_ computed: [Facts?], structureVersion: Int) -> Bool {
        guard structureVersion == self.structureVersion, computed.count == facts.count else { return false }
        // Lines edited in place while the facts were computed stay pending and are recomputed from their new text.
        for line in computed.indices where !pendingLines.contains(line) { facts[line] = computed[line] }
        awaitsFirstComputation = false
        factsVersion += 1
        return true
    }

    /// Takes the facts of some lines, computed from the text of `structureVersion` and `factsVersion`; false (and
    /// nothing taken) when anything was edited meanwhile — the lines are then still pending.
    mutating func adopt(lines computed: [Int: Facts?], structureVersion: Int, factsVersion: Int) -> Bool {
        guard structureVersion == self.structureVersion, factsVersion == self.factsVersion else { return false }
        for (line, lineFacts) in computed where facts.indices.contains(line) {
            facts[line] = lineFacts
            pendingLines.remove(line)
        }
        self.factsVersion += 1
        return true
    }

    /// Takes diagnostics aggregated from the facts of `factsVersion`; ignored when the facts changed meanwhile.
    mutating func adopt(_ found: [Diagnostic], factsVersion: Int) {
        guard factsVersion == self.factsVersion else { return }
        diagnostics = found
        aggregatedVersion = factsVersion
    }
}
