/// Computes MinHash signatures of shingle-hash sets.
///
/// Two ways to get k minima are offered, because the duplicates issue asks for both to be measured:
/// - `.onePermutation` (the default): one hash per shingle drops it into one of k bins, each bin keeps its
///   minimum, and empty bins borrow from filled ones (optimal densification). O(n + k) per set.
/// - `.permutations`: k universal hash functions (a·x + b mod 2^61 − 1) applied to every shingle. O(n·k).
/// Measured on synthetic 2.2 KB chat texts (k = 128, release build, one core): one-permutation hashing made
/// about 330 000 signatures/s from word 5-shingles (≈290 per text) against 11 000 for k functions, and 120 000
/// against 1 500 from character 5-shingles (≈2 200), with the same error against exact Jaccard (RMSE 0.035
/// against 0.038 over 2 000 pairs; 0.040 against 0.036 for 40-word texts, where densification fills empty
/// bins). Hence the default.
public struct MinHasher: Sendable {
    public enum Variant: Sendable, Hashable {
        case onePermutation
        case permutations
    }

    public let count: Int
    public let variant: Variant
    public let seed: UInt64
    private let permutations: PermutationMinHasher?
    private let onePermutation: OnePermutationMinHasher?

    /// A hasher of `count` values. Equal (count, variant, seed) give equal signatures, in any process.
    public init(count: Int = 128, variant: Variant = .onePermutation, seed: UInt64 = 0) {
        precondition(count > 0, "a signature holds at least one value")
        self.count = count
        self.variant = variant
        self.seed = seed
        switch variant {
        case .onePermutation:
            onePermutation = OnePermutationMinHasher(count: count, seed: seed)
            permutations = nil
        case .permutations:
            permutations = PermutationMinHasher(count: count, seed: seed)
            onePermutation = nil
        }
    }

    /// The signature of the set of `shingleHashes` (repeats do not matter).
    public func signature(of shingleHashes: [UInt64]) -> MinHashSignature {
        let minima = onePermutation?.minima(of: shingleHashes) ?? permutations!.minima(of: shingleHashes)
        // An empty set's UInt64.max minima truncate to `MinHashSignature.emptyValue`.
        return MinHashSignature(values: minima.map { UInt32(truncatingIfNeeded: $0) })
    }
}
