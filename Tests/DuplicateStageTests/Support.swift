import DatasetIO
import Diagnostics
import DuplicateStage
import RecordScanner
import StageKit

/// Checks whole files (lines) through the stage and its aggregate, as the checker does.
func diagnoseFile(_ lines: [String], options: DuplicateOptions = DuplicateOptions(), readingAgain: Bool = false)
    -> [Diagnostic] {
    let stage = DuplicateStage(options: options, lineSource: readingAgain ? MemoryLines(lines: lines) : nil)
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

/// (code, 1-based line) of each diagnostic, in line order: what a user scanning the output sees.
func found(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.sorted { $0.range.start < $1.range.start }.map { "\($0.code.rawValue)@\($0.line + 1)" }
}

func chat(_ user: String, _ assistant: String, extra: String = "") -> String {
    #"{"messages":[{"role":"user","content":"\#(user)"},{"role":"assistant","content":"\#(assistant)"}]\#(extra)}"#
}

/// A text of `count` distinct words, so word shingles are distinct too.
func words(_ count: Int, from start: Int = 0) -> [String] {
    (start..<(start + count)).map { "w\($0)x" }
}

/// A file's lines in memory, read again by the aggregate for exact measures.
struct MemoryLines: LineSource {
    let lines: [String]

    func lines(_ wanted: Set<Int>) -> [Int: [UInt8]] {
        var found: [Int: [UInt8]] = [:]
        for line in wanted where line < lines.count { found[line] = Array(lines[line].utf8) }
        return found
    }
}
