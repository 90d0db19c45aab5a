internal import CUtf8proc

/// How the normalizer treats one code point besides case folding and NFC.
enum ScalarClass: UInt8, Sendable {
    case other
    case whitespace
    case punctuation

    /// The class of `codepoint`, from utf8proc's Unicode tables.
    init(codepoint: Int32) {
        if codepoint < 0x80 {
            self = ScalarClass.ascii[Int(codepoint)]
        } else {
            self = Self.lookUp(codepoint)
        }
    }

    /// Classes of the 128 ASCII code points, computed from the same tables as everything else, so the ASCII fast
    /// path and the Unicode path can never disagree (this is immutable, so it is safe to share).
    static let ascii: [ScalarClass] = (0..<Int32(0x80)).map(lookUp)

    private static func lookUp(_ codepoint: Int32) -> ScalarClass {
        if datalint_utf8proc_is_whitespace(codepoint) { return .whitespace }
        if datalint_utf8proc_is_punctuation(codepoint) { return .punctuation }
        return .other
    }
}
