/// One-permutation hashing (Li, Owen & Zhang 2012) with optimal densification (Shrivastava 2017).
///
/// Each shingle hash is remixed with the seed, its high bits pick one of k bins and the bin keeps its smallest
/// value: one hash per shingle instead of k. A text with fewer shingles than bins leaves bins empty; each empty
/// bin i then copies the value of the first filled bin hit by a probe sequence that depends only on (seed, i,
/// attempt), so two texts fill the same empty bin from the same place and stay comparable, and the estimator
/// keeps the variance of k independent minima.
struct OnePermutationMinHasher: Sendable {
    private let count: Int
    private let seed: UInt64

    init(count: Int, seed: UInt64) {
        self.count = count
        self.seed = Mixing.mix64(seed ^ 0x6F70_6800_0000_0000)  // distinct from the permutation family's seeds
    }

    /// k minima over `hashes`; UInt64.max everywhere for an empty set.
    func minima(of hashes: [UInt64]) -> [UInt64] {
        var minima = [UInt64](repeating: .max, count: count)
        var filled = 0
        minima.withUnsafeMutableBufferPointer { bins in
            for hash in hashes {
                let mixed = Mixing.mix64(hash ^ seed)
                let bin = Mixing.reduce(mixed, into: bins.count)
                if bins[bin] == .max { filled += 1 }
                if mixed < bins[bin] { bins[bin] = mixed }
            }
        }
        if filled > 0 && filled < count {
            densify(&minima)
        }
        return minima
    }

    /// Fills every empty bin from a filled one (never from another densified bin, which optimal densification
    /// requires for its variance bound). Expected probes per empty bin: k / filled.
    private func densify(_ minima: inout [UInt64]) {
        let original = minima
        for bin in minima.indices where original[bin] == .max {
            var attempt: UInt64 = 0
            while true {
                attempt += 1
                let probe = Mixing.mix64(seed &+ (UInt64(bin) << 32 | attempt))
                let donor = Mixing.reduce(probe, into: count)
                if original[donor] != .max {
                    minima[bin] = original[donor]
                    break
                }
            }
        }
    }
}
