import TextNormalization

/// How the `dedup` stage compares records.
public struct DuplicateOptions: Sendable, Hashable {
    /// What is erased before records are hashed and shingled (`[dedup] normalize`).
    public var normalization: NormalizationOptions
    /// The estimated Jaccard similarity from which two records are near duplicates (`[dedup] threshold`).
    public var threshold: Double
    /// MinHash values per signature (`[dedup] hashes`): more is a finer estimate (standard error ≈ √(J(1−J)/k)).
    public var hashCount: Int
    /// Words per shingle (`[dedup] shingle_words`).
    public var shingleWords: Int

    public init(normalization: NormalizationOptions = NormalizationOptions(), threshold: Double = 0.8,
                hashCount: Int = 128, shingleWords: Int = 5) {
        precondition(threshold > 0 && threshold < 1, "a threshold strictly between 0 and 1")
        self.normalization = normalization
        self.threshold = threshold
        self.hashCount = hashCount
        self.shingleWords = shingleWords
    }
}
