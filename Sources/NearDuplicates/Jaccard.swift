/// Jaccard similarity |A ∩ B| / |A ∪ B|, exact for sets and estimated from signatures.
public enum Jaccard {
    /// The exact Jaccard similarity of two shingle sets. Two empty sets are identical, so 1.
    public static func exact(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        let shared = small.reduce(0) { large.contains($1) ? $0 + 1 : $0 }
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// The exact Jaccard similarity of two shingle sets given as sorted arrays without repeats (see
    /// `sortedSet(_:)`): one merge, no hashing, which is what makes verifying every LSH candidate affordable.
    public static func exact(sorted a: [UInt64], _ b: [UInt64]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        var shared = 0
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// Shingle hashes as a sorted array without repeats, for `exact(sorted:_:)`.
    public static func sortedSet(_ hashes: [UInt64]) -> [UInt64] {
        var sorted = hashes.sorted()
        var write = 0
        for read in sorted.indices where read == 0 || sorted[read] != sorted[read - 1] {
            sorted[write] = sorted[read]
            write += 1
        }
        sorted.removeLast(sorted.count - write)
        return sorted
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
