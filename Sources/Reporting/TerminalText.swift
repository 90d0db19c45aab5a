/// Text made safe for a terminal: dataset content quoted in a message or excerpt must not be able to move the
/// cursor, clear the screen or recolour the output, and must stay on one line.
enum TerminalText {
    /// `text` with tabs expanded to `DisplayWidth.tabWidth` spaces and every other control character replaced
    /// by a visible stand-in (see `visibleScalars(for:)`).
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if needsReplacement(scalar) {
                result.append(visibleScalars(for: scalar))
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// True for the scalars a terminal would interpret rather than draw.
    static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// What to draw instead of a control scalar: spaces for a tab, the Unicode Control Picture (`␀`…`␟`, `␡`)
    /// for C0 controls and DEL, and U+FFFD for C1 controls, which have no pictures. Each replacement other
    /// than the tab's spaces is one cell wide.
    static func visibleScalars(for scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x09: String(repeating: " ", count: DisplayWidth.tabWidth)
        case 0x00..<0x20: String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: "\u{2421}"
        case 0x80...0x9F: "\u{FFFD}"
        default: String(scalar)
        }
    }
}
