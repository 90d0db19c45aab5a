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
func diagnoseFile(_ lines: [String]) -> [Diagnostic] {
    let stage = FormatStage()
    var scanner = RecordScanner()
    var aggregate = stage.makeAggregate()
    var diagnostics: [Diagnostic] = []
    for (number, line) in lines.enumerated() {
        let record = scanner.scan(Array(line.utf8), lineNumber: number)
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
