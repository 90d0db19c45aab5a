/// How a signature is cut for locality-sensitive hashing: b bands of r rows each (b·r ≤ k values used).
///
/// Two sets of Jaccard similarity s share at least one band with probability 1 − (1 − s^r)^b, an S-curve whose
/// steepest point is near (1/b)^(1/r).
public struct BandParameters: Sendable, Hashable, CustomStringConvertible {
    public let bands: Int
    public let rows: Int

    public init(bands: Int, rows: Int) {
        precondition(bands > 0 && rows > 0, "at least one band of one row")
        self.bands = bands
        self.rows = rows
    }

    /// The probability that two sets of Jaccard similarity `similarity` become candidates.
    public func candidateProbability(atSimilarity similarity: Double) -> Double {
        1 - Self.power(1 - Self.power(similarity, rows), bands)
    }

    /// (1/b)^(1/r): roughly where the S-curve crosses one half.
    public var approximateThreshold: Double {
        // Solves s^r = 1/b by bisection: s^r grows with s on [0, 1].
        var low = 0.0, high = 1.0
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if Self.power(middle, rows) * Double(bands) < 1 { low = middle } else { high = middle }
        }
        return low
    }

    public var description: String { "b=\(bands) r=\(rows)" }

    /// Picks (b, r) for `threshold` with `hashCount` values, favouring recall: the most rows per band (so the
    /// fewest chance candidates) for which pairs right at the threshold still become candidates with probability
    /// at least `recallAtThreshold`, using as many bands as fit (b = ⌊k / r⌋). Pairs above the threshold are found
    /// even more surely. Precision is recovered afterwards by verifying each candidate's estimate, so a chance
    /// candidate costs only a comparison while a missed pair is lost for good.
    public static func choose(threshold: Double, hashCount: Int, recallAtThreshold: Double = 0.99) -> BandParameters {
        precondition(threshold > 0 && threshold < 1, "a threshold between 0 and 1")
        precondition(hashCount > 0, "at least one hash")
        var best = BandParameters(bands: hashCount, rows: 1)
        for rows in 1...hashCount {
            let candidate = BandParameters(bands: hashCount / rows, rows: rows)
            guard candidate.candidateProbability(atSimilarity: threshold) >= recallAtThreshold else { break }
            best = candidate
        }
        return best
    }

    /// x^n for a whole n ≥ 0, by repeated squaring (the standard library has no `pow` without Foundation).
    static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0, base = x, exponent = n
        while exponent > 0 {
            if exponent & 1 == 1 { result *= base }
            base *= base
            exponent >>= 1
        }
        return result
    }
}
