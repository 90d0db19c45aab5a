/// Deterministic random shingle sets with a chosen overlap, for checking estimates against exact Jaccard.
struct TestSets {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64, so the sets are the same on every run.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Two sets whose union has `unionSize` hashes and whose exact Jaccard similarity is `shared / unionSize`.
    mutating func pair(unionSize: Int, shared: Int) -> (a: [UInt64], b: [UInt64]) {
        let common = (0..<shared).map { _ in next() }
        let onlyA = (0..<((unionSize - shared) / 2)).map { _ in next() }
        let onlyB = (0..<(unionSize - shared - onlyA.count)).map { _ in next() }
        return (common + onlyA, common + onlyB)
    }
}
