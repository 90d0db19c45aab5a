import DatasetText
import Diagnostics

/// Cuts the piece of a source line shown under a diagnostic. Lines can be megabytes long, so only a window
/// around the range is kept, cut at character boundaries.
enum ExcerptMaker {
    static let wholeLineLimit = 240
    static let context = 80

    static func excerpt(of line: ArraySlice<UInt8>, around range: SourceRange) -> SourceExcerpt {
        let start = range.start.utf8Column
        let end = range.end.line == range.start.line ? range.end.utf8Column : line.count
        var lower = 0
        var upper = line.count
        if line.count > wholeLineLimit {
            lower = characterStart(max(0, start - context), in: line)
            upper = characterStart(min(line.count, max(end, start + 1) + context), in: line)
            if upper < min(line.count, max(end, start + 1)) { upper = line.count }
        }
        let base = line.startIndex
        let text = UTF8Validation.displaySafe(line[(base + lower)..<(base + upper)])
        return SourceExcerpt(text: text, startColumn: lower, isCutBefore: lower > 0, isCutAfter: upper < line.count)
    }

    /// Steps back over at most three continuation bytes: a cut that starts a character, found without walking
    /// a megabyte line from its start.
    private static func characterStart(_ offset: Int, in line: ArraySlice<UInt8>) -> Int {
        var column = min(offset, line.count)
        var steps = 0
        while column > 0, column < line.count, steps < 3, line[line.startIndex + column] & 0xC0 == 0x80 {
            column -= 1
            steps += 1
        }
        return column
    }
}
