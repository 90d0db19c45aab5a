/// How many terminal cells text occupies, so that an underline lines up with what the terminal draws.
///
/// The rule is applied per grapheme cluster, which is what a terminal draws as one glyph:
/// - a tab is `tabWidth` cells, because the human renderer expands every tab to that many spaces rather than
///   trusting the terminal's tab stops (the excerpt may start mid-line, so real stops would not line up);
/// - any other control character is 1 cell, the width of the stand-in `TerminalText` draws for it;
/// - a cluster is 2 cells when one of its scalars is East Asian Wide or Fullwidth (CJK ideographs, kana,
///   Hangul, fullwidth forms) or is presented as emoji by default, or when it carries U+FE0F, the selector
///   that asks for emoji presentation (`❤️`, `1️⃣`);
/// - a cluster made only of zero-width scalars (combining marks, joiners, format controls) is 0 cells;
/// - everything else is 1 cell, including East Asian Ambiguous characters such as `…`, `±` or Cyrillic, which
///   terminals in Western and UTF-8 locales draw narrow.
///
/// Emoji sequences (a ZWJ family, a flag, a skin tone) count as one 2-cell glyph, as modern terminals draw
/// them; a terminal that measures code point by code point draws them wider, and the underline after them
/// shifts right by the difference. No table can be right for every terminal, so this one follows the
/// current Unicode text-segmentation behaviour.
enum DisplayWidth {
    static let tabWidth = 4

    /// The cells `text` occupies once tabs are expanded.
    static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The cells one grapheme cluster occupies.
    static func of(_ character: Character) -> Int {
        if character.isASCII {
            // The only ASCII cluster of two scalars is CR LF, drawn as two stand-ins.
            return character == "\t" ? tabWidth : character.utf8.count
        }
        var width = 0
        for scalar in character.unicodeScalars {
            if scalar == emojiPresentationSelector { return 2 }
            width = max(width, of(scalar))
        }
        return min(width, 2)
    }

    /// The cells one scalar occupies on its own.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.isASCII { return scalar == "\t" ? tabWidth : 1 }
        if isZeroWidth(scalar) { return 0 }
        if scalar.properties.isEmojiPresentation || isEastAsianWide(scalar) { return 2 }
        return 1
    }

    private static let emojiPresentationSelector: Unicode.Scalar = "\u{FE0F}"

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: true
        default: (0x1160...0x11FF).contains(scalar.value)  // Hangul medial vowels and final consonants join the syllable
        }
    }

    /// The Wide and Fullwidth blocks of Unicode's EastAsianWidth.txt, by block rather than by code point:
    /// unassigned code points inside these blocks are drawn wide by terminals too.
    private static func isEastAsianWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return wideRanges.contains { $0.contains(value) }
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth ASCII
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x16FFF,  // ideographic symbols
        0x17000...0x18D8F,  // Tangut, Khitan
        0x1AFF0...0x1B2FF,  // kana supplements, Nüshu
        0x20000...0x2FFFD,  // CJK extensions B–F, compatibility supplement
        0x30000...0x3FFFD,  // CJK extensions G–H
    ]
}
