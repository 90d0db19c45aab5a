/// Whether an answer's text looks finished: what a generator cut off at its token limit does not.
enum AnswerEnding {
    /// True when `text` (decoded UTF-8) ends without closing punctuation, or leaves a code fence open.
    static func looksUnfinished(_ text: [UInt8]) -> Bool {
        var end = text.count
        while end > 0, isSpace(text[end - 1]) { end -= 1 }
        guard end > 0 else { return false }
        if hasOpenFence(text) { return true }
        let tail = String(decoding: text[max(0, end - 8)..<end], as: UTF8.self)
        guard let last = tail.unicodeScalars.last else { return false }
        return !isClosing(last)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Characters a complete answer ends with: sentence ends in Latin, CJK and other scripts, closing brackets and
    /// quotes, the end of Markdown emphasis or code, and symbols such as emoji.
    private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        if ".!?…)]}\"'`*_>|;~".unicodeScalars.contains(scalar) { return true }
        if "。！？」』）】》”’»।॥؟۔".unicodeScalars.contains(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .otherSymbol, .mathSymbol, .closePunctuation, .finalPunctuation: return true
        default: return false
        }
    }

    /// True when the text has an odd number of lines opening or closing a ``` code fence.
    private static func hasOpenFence(_ text: [UInt8]) -> Bool {
        var fences = 0
        var index = 0
        var atLineStart = true
        while index < text.count {
            let byte = text[index]
            if atLineStart, byte == 0x60, index + 2 < text.count, text[index + 1] == 0x60, text[index + 2] == 0x60 {
                fences += 1
                index += 3
                atLineStart = false
                continue
            }
            if byte == 0x0A { atLineStart = true } else if byte != 0x20 { atLineStart = false }
            index += 1
        }
        return fences % 2 == 1
    }
}
