import DatasetText
import Diagnostics

/// Cuts the piece of a source line shown under a diagnostic. Lines can be megabytes long, so only a window
/// around the range is kept, cut at character boundaries.
enum ExcerptMaker {
    static let wholeLineLimit = 240
    static let context = 80

    static func excerpt<Bytes: Collection>(of line: Bytes, around range: SourceRange) -> SourceExcerpt
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let start = range.start.utf8Column
        let end = range.end.line == range.start.line ? range.end.utf8Column : line.count
        var lower = 0
        var upper = line.count
        if line.count > wholeLineLimit {
            lower = UTF8Columns.characterStart(ofByteOffset: max(0, start - context), in: line)
            upper = UTF8Columns.characterStart(ofByteOffset: min(line.count, max(end, start + 1) + context), in: line)
            if upper < min(line.count, max(end, start + 1)) { upper = line.count }
        }
        let base = line.startIndex
        let text = UTF8Validation.displaySafe(line[(base + lower)..<(base + upper)])
        return SourceExcerpt(text: text, startColumn: lower, isCutBefore: lower > 0, isCutAfter: upper < line.count)
    }
}
