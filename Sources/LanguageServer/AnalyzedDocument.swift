import Checker
import DatasetText
import Diagnostics
import RecordScanner

/// An open dataset: its text, version, and the analysis of each of its records.
///
/// Typing edits one line in place; such an edit re-checks that record alone and keeps the file-level results
/// (the majority schema) unless the record's facts changed. Edits that add or remove lines re-aggregate.
struct AnalyzedDocument: Sendable {
    let uri: String
    private(set) var version: Int
    /// Changes with every edit, reopening or settings change; versions alone can repeat (a reopened document).
    var generation = 0
    private(set) var lines: DocumentLines
    /// One entry per line; nil until the line has been analyzed.
    private(set) var analyses: [RecordAnalysis?]
    /// Diagnostics of the whole file (mixed schema).
    private(set) var fileDiagnostics: [Diagnostic] = []
    /// Lines whose analysis has diagnostics, ascending: what publishing walks instead of every line.
    private var linesWithDiagnostics: [Int] = []
    /// Lines to analyze, and the analyses they had before an in-place edit (to compare their facts).
    private var dirtyLines: Set<Int>
    private var replacedAnalyses: [Int: RecordAnalysis] = [:]
    /// Set when lines were added or removed: line numbers moved, so per-line bookkeeping is rebuilt.
    private var structureChanged = true
    /// Duplicates within the document, found in the background (`DocumentDuplicates`).
    var duplicates: DocumentDuplicates
    /// Token lengths of the records, counted and judged in the background (`DocumentLengths`).
    var lengths: DocumentLengths
    /// What plugin stages found, in the background (`DocumentPlugins`).
    var plugins: DocumentPlugins

    init(uri: String, version: Int, text: [UInt8]) {
        self.init(uri: uri, version: version, lines: DocumentLines(text: text))
    }

    init(uri: String, version: Int, lines: DocumentLines) {
        self.uri = uri
        self.version = version
        self.lines = lines
        analyses = Array(repeating: nil, count: lines.count)
        dirtyLines = Set(0..<lines.count)
        duplicates = DocumentDuplicates(lineCount: lines.count)
        lengths = DocumentLengths(lineCount: lines.count)
        plugins = DocumentPlugins(lineCount: lines.count)
    }

    /// True while some line has no current analysis: after an in-place edit (its lines are dirty) or after lines
    /// were added or removed (the structure changed; which lines lack an analysis is found when analysing).
    var needsAnalysis: Bool { structureChanged || !dirtyLines.isEmpty }
    var dirtyLineCount: Int { dirtyLines.count }

    /// Applies one change; the lines it touched lose their analysis. Returns whether a position was clamped.
    mutating func apply(range: (ClientPosition, ClientPosition)?, text: [UInt8], encoding: PositionEncoding) -> Bool {
        guard let range else {
            self = AnalyzedDocument(uri: uri, version: version, text: text)
            return false
        }
        let (splice, clamped) = lines.replace(from: range.0, to: range.1, with: text, encoding: encoding)
        updateDuplicates(range: range, text: text, splice: (splice.range, splice.insertedCount))
        if splice.insertedCount == splice.range.count && !structureChanged {
            for line in splice.range {
                if let old = analyses[line], replacedAnalyses[line] == nil { replacedAnalyses[line] = old }
                analyses[line] = nil
                dirtyLines.insert(line)
            }
        } else {
            analyses.replaceSubrange(splice.range, with: repeatElement(nil, count: splice.insertedCount))
            structureChanged = true
            replacedAnalyses.removeAll()
            dirtyLines.removeAll()
        }
        return clamped
    }

    /// Whole lines typed above a record or deleted around it move the record unchanged; its duplicate and length
    /// findings move with it instead of being forgotten until the next aggregation.
    private mutating func updateDuplicates(range: (ClientPosition, ClientPosition), text: [UInt8],
                                           splice: (range: Range<Int>, insertedCount: Int)) {
        let (start, end) = range
        let newlines = text.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if start == end, start.character == 0, text.last == 0x0A, !text.contains(0x0D),
           splice.insertedCount == splice.range.count + newlines {
            duplicates.insert(lines: newlines, before: start.line)
            lengths.insert(lines: newlines, before: start.line)
            plugins.insert(lines: newlines, before: start.line)
        } else if text.isEmpty, start.character == 0, end.character == 0, end.line > start.line,
                  splice.range.count - splice.insertedCount == end.line - start.line {
            duplicates.delete(lines: start.line..<end.line)
            lengths.delete(lines: start.line..<end.line)
            plugins.delete(lines: start.line..<end.line)
        } else {
            duplicates.replace(lines: splice.range, insertedCount: splice.insertedCount)
            lengths.replace(lines: splice.range, insertedCount: splice.insertedCount)
            plugins.replace(lines: splice.range, insertedCount: splice.insertedCount)
        }
    }

    mutating func setVersion(_ version: Int) { self.version = version }

    /// Analyzes the lines that have no analysis yet, then the file as a whole if its facts changed.
    mutating func analyzeDirtyLines(with analyzer: RecordAnalyzer) {
        if structureChanged { dirtyLines = Set(analyses.indices.filter { analyses[$0] == nil }) }
        var scanner = RecordScanner(maxDepth: analyzer.plan.maxDepth)
        var record = ParsedRecord()
        var factsChanged = structureChanged
        for line in dirtyLines.sorted() {
            let analysis = lines.isTrailingEmptyLine(line)
                ? RecordAnalysis.blank : analyzer.analyze(lines.storage(line), scanner: &scanner, record: &record)
            if !factsChanged {
                factsChanged = replacedAnalyses[line].map { !analyzer.factsAreEqual($0.facts, analysis.facts) } ?? true
            }
            analyses[line] = analysis
        }
        finishAnalysis(with: analyzer, refreshFileDiagnostics: factsChanged)
    }

    /// Takes analyses computed elsewhere (in parallel, for a whole document) for this exact text.
    mutating func adopt(_ computed: [RecordAnalysis], with analyzer: RecordAnalyzer) {
        guard computed.count == analyses.count else { return }
        analyses = computed
        structureChanged = true
        finishAnalysis(with: analyzer, refreshFileDiagnostics: true)
    }

    private mutating func finishAnalysis(with analyzer: RecordAnalyzer, refreshFileDiagnostics: Bool) {
        if structureChanged {
            linesWithDiagnostics = analyses.indices.filter { analyses[$0]?.diagnostics.isEmpty == false }
        } else {
            for line in dirtyLines { updateDiagnosticIndex(line) }
        }
        if refreshFileDiagnostics { fileDiagnostics = analyzer.fileDiagnostics(analyses) }
        dirtyLines.removeAll()
        replacedAnalyses.removeAll()
        structureChanged = false
    }

    private mutating func updateDiagnosticIndex(_ line: Int) {
        let hasDiagnostics = analyses[line]?.diagnostics.isEmpty == false
        let position = lowerBound(of: line)
        let isListed = position < linesWithDiagnostics.count && linesWithDiagnostics[position] == line
        if hasDiagnostics && !isListed { linesWithDiagnostics.insert(line, at: position) }
        if !hasDiagnostics && isListed { linesWithDiagnostics.remove(at: position) }
    }

    private func lowerBound(of line: Int) -> Int {
        var low = 0
        var high = linesWithDiagnostics.count
        while low < high {
            let middle = (low + high) / 2
            if linesWithDiagnostics[middle] < line { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Every diagnostic at its current line, record by record, then the file-level ones.
    var diagnostics: [Diagnostic] {
        var all: [Diagnostic] = []
        for line in linesWithDiagnostics {
            for diagnostic in analyses[line]?.diagnostics ?? [] { all.append(diagnostic.moved(toLine: line)) }
        }
        return all + fileDiagnostics + duplicates.diagnostics + duplicates.crossFileDiagnostics + lengths.diagnostics
            + plugins.diagnostics
    }

    /// The diagnostics of one line, at that line.
    func diagnostics(onLine line: Int) -> [Diagnostic] {
        var found = analyses.indices.contains(line) ? (analyses[line]?.diagnostics ?? []).map { $0.moved(toLine: line) } : []
        found += fileDiagnostics.filter { $0.range.start.line == line }
        found += duplicates.diagnostics.filter { $0.range.start.line == line }
        found += duplicates.crossFileDiagnostics.filter { $0.range.start.line == line }
        found += lengths.diagnostics.filter { $0.range.start.line == line }
        found += plugins.diagnostics.filter { $0.range.start.line == line }
        return found
    }
}

extension Diagnostic {
    /// The same diagnostic for a record analysed at line 0 that now sits at `line`.
    func moved(toLine line: Int) -> Diagnostic {
        guard line != 0 else { return self }
        var moved = self
        moved.range = range.moved(by: line)
        moved.related = related.map { information in
            var shifted = information
            if information.file == nil { shifted.range = information.range.moved(by: line) }
            return shifted
        }
        moved.fixes = fixes.map { fix in
            var shifted = fix
            shifted.edits = fix.edits.map { TextEdit(range: $0.range.moved(by: line), newText: $0.newText) }
            return shifted
        }
        return moved
    }
}

extension SourceRange {
    func moved(by lines: Int) -> SourceRange {
        SourceRange(start: start.moved(by: lines), end: end.moved(by: lines))
    }
}

extension SourcePosition {
    func moved(by lines: Int) -> SourcePosition {
        SourcePosition(line: line + lines, utf8Column: utf8Column, utf16Column: utf16Column)
    }
}

extension AnalyzedDocument {
    /// Recomputes the duplicate and length facts of lines edited since (a few records), once their first
    /// computation is done.
    mutating func computePendingDeferredLines(plan: CheckPlan) {
        if let stage = plan.duplicateStage { duplicates.computePendingLines(lines, stage: stage, maxDepth: plan.maxDepth) }
        if let stage = plan.lengthStage { lengths.computePendingLines(lines, stage: stage, maxDepth: plan.maxDepth) }
    }
}
