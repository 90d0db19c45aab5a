/// Words right next to a candidate: what the text calls *this* value.
///
/// A string in a dataset often holds several sentences, so "call me" in one sentence says nothing about an order
/// number in the next. The nearby window is the text between the candidate and the closest line break, tab or
/// other number, at most `before` bytes back and `after` bytes on: the label a writer puts before a value
/// ("Phone:", "S/N:", "my social is") and the words right after it.
extension Validator {
    func hasWord(_ words: [String], near range: Range<Int>, before: Int = 40, after: Int = 24) -> Bool {
        let window = Bytes.lowercased(bytes[nearbyStart(range.lowerBound, limit: before)..<range.lowerBound])
            + [0x20]
            + Bytes.lowercased(bytes[range.upperBound..<nearbyEnd(range.upperBound, limit: after)])
        return words.contains { Bytes.containsWord(window, Array($0.utf8)) }
    }

    /// Where the window before `offset` starts: after the last line break, tab or digit, or `limit` bytes back.
    func nearbyStart(_ offset: Int, limit: Int) -> Int {
        var start = offset
        while start > 0, offset - start < limit, !Self.endsNearbyWindow(bytes[start - 1]) { start -= 1 }
        return start
    }

    /// Where the window after `offset` ends: at the next line break, tab or digit, or `limit` bytes on.
    func nearbyEnd(_ offset: Int, limit: Int) -> Int {
        var end = offset
        while end < bytes.count, end - offset < limit, !Self.endsNearbyWindow(bytes[end]) { end += 1 }
        return end
    }

    private static func endsNearbyWindow(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D || byte == 0x09 || Bytes.isDigit(byte)
    }
}
