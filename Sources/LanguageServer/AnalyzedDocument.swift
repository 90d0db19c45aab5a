import Checker
import DatasetText
import Diagnostics
import RecordScanner

/// An open dataset: its text, version, and the analysis of each of its records.
struct AnalyzedDocument: Sendable {
    let uri: String
    private(set) var version: Int
    private(set) var lines: DocumentLines
    /// One entry per line; nil until the line has been analyzed.
    private(set) var analyses: [RecordAnalysis?]
    /// Diagnostics of the whole file (mixed schema), recomputed after every change.
    private(set) var fileDiagnostics: [Diagnostic] = []

    init(uri: String, version: Int, text: [UInt8]) {
        self.uri = uri
        self.version = version
        lines = DocumentLines(text: text)
        analyses = Array(repeating: nil, count: lines.count)
    }

    var needsFullAnalysis: Bool { analyses.contains { $0 == nil } }

    /// Applies one change; the lines it touched lose their analysis. Returns whether a position was clamped.
    mutating func apply(range: (ClientPosition, ClientPosition)?, text: [UInt8], encoding: PositionEncoding) -> Bool {
        guard let range else {
            lines = DocumentLines(text: text)
            analyses = Array(repeating: nil, count: lines.count)
            return false
        }
        let (splice, clamped) = lines.replace(from: range.0, to: range.1, with: text, encoding: encoding)
        analyses.replaceSubrange(splice.range, with: repeatElement(nil, count: splice.insertedCount))
        return clamped
    }

    mutating func setVersion(_ version: Int) { self.version = version }

    /// Analyzes the lines that have no analysis yet, then the file as a whole.
    mutating func analyzeDirtyLines(with analyzer: RecordAnalyzer) {
        var scanner = RecordScanner(maxDepth: analyzer.plan.maxDepth)
        var record = ParsedRecord()
        for line in analyses.indices where analyses[line] == nil {
            analyses[line] = lines.isTrailingEmptyLine(line)
                ? .blank : analyzer.analyze(lines.content(line), scanner: &scanner, record: &record)
        }
        fileDiagnostics = analyzer.fileDiagnostics(analyses)
    }

    /// Takes analyses computed elsewhere (in parallel, for a whole document) for this exact text.
    mutating func adopt(_ computed: [RecordAnalysis], with analyzer: RecordAnalyzer) {
        guard computed.count == analyses.count else { return }
        analyses = computed
        fileDiagnostics = analyzer.fileDiagnostics(analyses)
    }

    /// Every diagnostic at its current line, record by record, then the file-level ones.
    var diagnostics: [Diagnostic] {
        var all: [Diagnostic] = []
        for (line, analysis) in analyses.enumerated() {
            guard let analysis else { continue }
            for diagnostic in analysis.diagnostics { all.append(diagnostic.moved(toLine: line)) }
        }
        return all + fileDiagnostics
    }

    /// The diagnostics of one line, at that line.
    func diagnostics(onLine line: Int) -> [Diagnostic] {
        var found = analyses.indices.contains(line) ? (analyses[line]?.diagnostics ?? []).map { $0.moved(toLine: line) } : []
        found += fileDiagnostics.filter { $0.range.start.line == line }
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
