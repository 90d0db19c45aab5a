import Tokenization

/// How the `length` stage judges lengths (`[length]` in datalint.toml).
public struct LengthOptions: Sendable, Equatable {
    /// The encoding tokens are counted in.
    public var encoding: BPEEncoding = .cl100kBase
    /// The context a record must fit in, chat framing included.
    public var maxTokens = 8_192
    /// The longest answer the generator of the data could write, when known: answers that end near it unfinished
    /// are truncated. Without it, a cap is recognised when several answers end at the file's longest length.
    public var maxAnswerTokens: Int?
    public var outliers = OutlierRule()
    /// Answers with fewer tokens are near-empty, unless the file's answers are short anyway.
    public var minAnswerTokens = 3

    public init() {}

    /// A record or answer within this fraction of its limit is "near" it.
    static let nearLimit = 0.95
}

/// How unusual a turn or field's length must be to be reported (`outlier_*` keys).
public struct OutlierRule: Sendable, Equatable {
    public enum Method: String, Sendable, Equatable, CaseIterable {
        /// Iglewicz and Hoaglin's modified z-score, 0.6745 (x − median) / MAD, against `threshold`.
        case mad
        /// Tukey's fences, Q1 − k·IQR and Q3 + k·IQR, with k = `iqrFactor`.
        case iqr
    }

    public enum Scale: String, Sendable, Equatable, CaseIterable {
        /// ln(1 + tokens): lengths are skewed (a few long records are normal), and on this scale a record ten
        /// times the median is as unusual as one a tenth of it.
        case log
        case linear
    }

    public var method = Method.mad
    public var scale = Scale.log
    public var threshold = 3.5
    public var iqrFactor = 3.0
    /// A length must also be this many times the median (or the median this many times it): on the skewed,
    /// many-moded lengths of real datasets (a few system prompt templates, short and pasted questions) a robust
    /// score alone calls whole modes unusual; an order of magnitude and more is what a mistake looks like
    /// (a pasted log in a chat of short questions, a one-word answer among paragraphs).
    public var minRatio = 20.0
    /// Slots (a role or field) with fewer values are not judged: too few to say what is usual.
    public var minSamples = 30

    public init() {}
}
