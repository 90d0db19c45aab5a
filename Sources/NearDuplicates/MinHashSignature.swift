/// A MinHash signature: for each of k hash functions (or bins), the minimum hash over a set of shingles.
///
/// Two signatures agree at each position with probability equal to the Jaccard similarity of their sets.
/// Values are kept as 32 bits: a chance collision of two different minima (2^-32 per position) is negligible
/// next to the estimate's own noise, and it halves memory (512 bytes per record at k = 128, 512 MB for a million
/// records held for clustering).
public struct MinHashSignature: Sendable, Hashable {
    public let values: [UInt32]

    public init(values: [UInt32]) {
        self.values = values
    }

    /// The value an empty set has at every position (nothing was ever smaller).
    public static let emptyValue = UInt32.max

    /// The fraction of positions where the two signatures agree: the MinHash estimate of Jaccard similarity.
    public func estimatedJaccard(with other: MinHashSignature) -> Double {
        Jaccard.estimate(self, other)
    }
}
