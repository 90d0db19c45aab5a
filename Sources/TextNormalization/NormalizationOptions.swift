/// Which differences between two texts the `Normalizer` erases before they are compared or shingled.
///
/// Each option is independent, so a dataset's configuration can switch any of them off (a code dataset may want
/// punctuation kept, a multilingual one may want case kept).
public struct NormalizationOptions: Sendable, Hashable {
    /// Unicode NFC: a letter followed by combining marks becomes its precomposed form (e + U+0301 → é).
    public var unicodeNFC: Bool
    /// Full Unicode case folding (ß → ss, Σ/ς → σ); not locale-specific, so Turkish İ folds to i + U+0307.
    public var caseFold: Bool
    /// Runs of white space (any Unicode separator, tabs, newlines) become one ASCII space, trimmed at both ends.
    public var collapseWhitespace: Bool
    /// Characters of the Unicode punctuation categories (P*, including CJK punctuation) are deleted.
    /// Symbols ($, +, emoji) are not punctuation and are kept.
    public var stripPunctuation: Bool

    public init(unicodeNFC: Bool = true, caseFold: Bool = true, collapseWhitespace: Bool = true,
                stripPunctuation: Bool = false) {
        self.unicodeNFC = unicodeNFC
        self.caseFold = caseFold
        self.collapseWhitespace = collapseWhitespace
        self.stripPunctuation = stripPunctuation
    }

    /// No normalization: the output is the input (with invalid UTF-8 replaced by U+FFFD).
    public static let none = NormalizationOptions(unicodeNFC: false, caseFold: false, collapseWhitespace: false,
                                                  stripPunctuation: false)

    /// Everything erased: what near-duplicate shingling wants, where "Hello, world!" and "hello world" should be
    /// the same words.
    public static let all = NormalizationOptions(unicodeNFC: true, caseFold: true, collapseWhitespace: true,
                                                 stripPunctuation: true)

}
