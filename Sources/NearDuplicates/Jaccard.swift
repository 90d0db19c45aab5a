/// Jaccard similarity |A ∩ B| / |A ∪ B|, exact for sets and estimated from signatures.
public enum Jaccard {
    /// The exact Jaccard similarity of two shingle sets. Two empty sets are identical, so 1.
    public static func exact(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        let shared = small.reduce(0) { large.contains($1) ? $0 + 1 : $0 }
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// The MinHash estimate: the fraction of positions where the signatures agree. Both must come from the same
    /// hasher (same variant, count and seed); signatures of different lengths are a programming error.
    public static func estimate(_ a: MinHashSignature, _ b: MinHashSignature) -> Double {
        precondition(a.values.count == b.values.count, "signatures of different hashers")
        guard !a.values.isEmpty else { return 1 }
        var agree = 0
        for index in a.values.indices where a.values[index] == b.values[index] {
            agree += 1
        }
        return Double(agree) / Double(a.values.count)
    }
}
