import Testing
@testable import TextNormalization

/// Runs of ASCII are written in place; the result must be what writing each byte in turn gives, whatever the
/// options. (Text mixing in non-ASCII characters, which may combine with the ASCII byte before them, is covered by
/// NormalizerTests.)
@Test func asciiRunsAreWrittenAsByteByByteWritingWouldWriteThem() {
    let pieces = ["Hello", "WORLD", " ", "  ", "\t", "\n", "\r\n", ",", "...", "!?", "-", "x", "42", "\u{0B}", "(a)", "_"]
    var state: UInt64 = 0x5EED
    func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }
    for fold in [false, true] {
        for collapse in [false, true] {
            for strip in [false, true] {
                let options = NormalizationOptions(unicodeNFC: true, caseFold: fold, collapseWhitespace: collapse,
                                                   stripPunctuation: strip)
                let normalizer = Normalizer(options: options)
                for _ in 0..<300 {
                    let text = Array((0..<next(20)).map { _ in pieces[next(pieces.count)] }.joined().utf8)
                    var bytewise = NormalizedWriter(options: options, capacity: text.count)
                    for byte in text { bytewise.append(ascii: byte, class: ScalarClass.ascii[Int(byte)]) }
                    let normalized = text.withUnsafeBytes { normalizer.normalizeValidUTF8($0) }
                    #expect(normalized == bytewise.bytes, "\(String(decoding: text, as: UTF8.self).debugDescription)")
                }
            }
        }
    }
}
