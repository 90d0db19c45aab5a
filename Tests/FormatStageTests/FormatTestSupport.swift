import Diagnostics
import FormatStage
import RecordScanner
import StageKit

/// Checks one line with the format stage and returns its diagnostics.
func diagnose(_ line: String, options: FormatOptions = FormatOptions(), lineNumber: Int = 0) -> [Diagnostic] {
    var scanner = RecordScanner()
    let record = scanner.scan(Array(line.utf8), lineNumber: lineNumber)
    var diagnostics: [Diagnostic] = []
    _ = FormatStage(options: options).check(record, into: &diagnostics)
    return diagnostics
}

func codes(_ line: String, options: FormatOptions = FormatOptions()) -> [String] {
    diagnose(line, options: options).map(\.code.rawValue)
}

/// Checks whole files (lines) through the stage and its aggregate, as the checker does.
func diagnoseFile(_ lines: [String], options: FormatOptions = FormatOptions(),
                  maxDepth: Int = RecordScanner.defaultMaxDepth) -> [Diagnostic] {
    diagnoseFile(byteLines: lines.map { Array($0.utf8) }, options: options, maxDepth: maxDepth)
}

/// Checks a file given as the raw bytes of each line, which may be invalid UTF-8 (no `String` can hold that).
func diagnoseFile(byteLines: [[UInt8]], options: FormatOptions = FormatOptions(),
                  maxDepth: Int = RecordScanner.defaultMaxDepth) -> [Diagnostic] {
    let stage = FormatStage(options: options)
    var scanner = RecordScanner(maxDepth: maxDepth)
    var aggregate = stage.makeAggregate()
    var diagnostics: [Diagnostic] = []
    for (number, line) in byteLines.enumerated() {
        let record = scanner.scan(line, lineNumber: number)
        aggregate.absorb(stage.check(record, into: &diagnostics), line: number)
    }
    aggregate.finish(into: &diagnostics)
    return diagnostics
}

/// The text a range of a line covers.
func text(of diagnostic: Diagnostic, in line: String) -> String {
    let bytes = Array(line.utf8)
    return String(decoding: bytes[diagnostic.range.start.utf8Column..<diagnostic.range.end.utf8Column], as: UTF8.self)
}

/// Applies a fix's edits to a single-line document.
func apply(_ fix: Fix, to line: String) -> String {
    var bytes = Array(line.utf8)
    for edit in fix.edits.sorted(by: { $0.range.start.utf8Column > $1.range.start.utf8Column }) {
        bytes.replaceSubrange(edit.range.start.utf8Column..<edit.range.end.utf8Column, with: Array(edit.newText.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// A record written with `⟦` and `⟧` around the exact text a diagnostic's range must cover, so a test states the
/// range by showing it rather than by counting columns.
struct MarkedRecord: Sendable, CustomStringConvertible {
    /// The record without the marks.
    let line: String
    /// UTF-8 columns of the marked text in `line`.
    let range: Range<Int>

    init(_ marked: String) {
        let open = marked.firstIndex(of: "⟦")!
        let close = marked.firstIndex(of: "⟧")!
        let start = marked.utf8.distance(from: marked.startIndex, to: open)
        let end = marked.utf8.distance(from: marked.startIndex, to: close) - "⟦".utf8.count
        line = String(marked.filter { $0 != "⟦" && $0 != "⟧" })
        range = start..<end
    }

    var description: String { line }

    /// The diagnostic of `code` whose range is exactly the marked text, on line `lineNumber`.
    func diagnostic(_ code: FormatCode, in diagnostics: [Diagnostic], lineNumber: Int = 0) -> Diagnostic? {
        diagnostics.first { diagnostic in
            diagnostic.code == code.code && diagnostic.range.start.line == lineNumber && diagnostic.range.end.line == lineNumber
                && diagnostic.range.start.utf8Column == range.lowerBound && diagnostic.range.end.utf8Column == range.upperBound
        }
    }

    /// What each diagnostic reports on, for failure messages: `format/unknown-role on "assitant"`.
    func describe(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code.rawValue) on \(text(of: $0, in: line))" }
    }
}
