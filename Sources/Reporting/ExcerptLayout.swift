import DatasetText
import Diagnostics

/// A source excerpt as the human renderer draws it: the text as the terminal shows it, and where in it, in
/// terminal cells, the underline of a range goes.
struct ExcerptLayout: Hashable, Sendable {
    /// The excerpt with `…` where it was cut, tabs expanded and control characters made visible.
    var displayText: String
    /// Cells between the start of `displayText` and the first cell of the underline.
    var underlineStart: Int
    /// Cells to underline; at least 1, so that an empty range still gets a caret.
    var underlineWidth: Int

    static let cutMarker = "…"

    init(excerpt: SourceExcerpt, range: SourceRange) {
        let text = excerpt.text
        let bytes = Self.underlinedBytes(of: range, in: excerpt)
        let cells = Self.isPrintableASCII(text) ? bytes : Self.underlinedCells(for: bytes, in: text)
        let markerCells = excerpt.isCutBefore ? 1 : 0
        displayText = (excerpt.isCutBefore ? Self.cutMarker : "") + TerminalText.visible(text)
            + (excerpt.isCutAfter ? Self.cutMarker : "")
        underlineStart = markerCells + cells.lowerBound
        underlineWidth = max(cells.count, 1)
    }

    /// The cells that the characters overlapping a range of UTF-8 offsets occupy. A range that begins or ends
    /// inside a grapheme cluster underlines the whole cluster.
    private static func underlinedCells(for bytes: Range<Int>, in text: String) -> Range<Int> {
        var cells = 0
        var start: Int?
        var end = 0
        var offset = 0
        for character in text {
            if offset >= bytes.upperBound { break }
            let characterEnd = offset + character.utf8.count
            let width = DisplayWidth.of(character)
            if characterEnd > bytes.lowerBound {
                if start == nil { start = cells }
                end = cells + width
            }
            cells += width
            offset = characterEnd
        }
        let lower = start ?? cells
        return lower..<max(end, lower)
    }

    /// True when every byte is one cell, so byte offsets are cell offsets (JSON written with `ensure_ascii`).
    private static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x20..<0x7F).contains($0) }
    }

    /// The UTF-8 offsets in `excerpt.text` that the range covers, clamped to the excerpt. A range that runs
    /// onto later lines is underlined to the end of its first line.
    ///
    /// `excerpt.text` is decoded leniently, so after an invalid byte its UTF-8 offsets no longer match the
    /// line's bytes, while UTF-16 columns still do (an invalid sequence and its U+FFFD are one unit each).
    /// An excerpt from the start of its line is therefore measured in UTF-16; a cut excerpt only knows its
    /// UTF-8 start, so it is measured in bytes, which is exact for valid UTF-8.
    private static func underlinedBytes(of range: SourceRange, in excerpt: SourceExcerpt) -> Range<Int> {
        let text = excerpt.text
        let length = text.utf8.count
        let isMultiLine = range.end.line > range.start.line
        let start: Int
        let end: Int
        if !excerpt.isCutBefore && excerpt.startColumn == 0 {
            start = utf8Offset(ofUTF16Offset: range.start.utf16Column, in: text)
            end = isMultiLine ? length : utf8Offset(ofUTF16Offset: range.end.utf16Column, in: text)
        } else {
            start = range.start.utf8Column - excerpt.startColumn
            end = isMultiLine ? length : range.end.utf8Column - excerpt.startColumn
        }
        let lower = min(max(start, 0), length)
        return lower..<min(max(end, lower), length)
    }

    private static func utf8Offset(ofUTF16Offset target: Int, in text: String) -> Int {
        var utf16 = 0
        var utf8 = 0
        for scalar in text.unicodeScalars {
            if utf16 >= target { break }
            utf16 += scalar.utf16.count
            utf8 += scalar.utf8.count
        }
        return utf8
    }
}
