/// Classic MinHash with k hash functions h_i(x) = (a_i·x + b_i) mod p, p = 2^61 − 1 (a Mersenne prime, so the
/// reduction is shifts and adds). This is the 2-universal family datasketch and text-dedup use; parameters come
/// from the seed, so signatures are reproducible.
struct PermutationMinHasher: Sendable {
    static let prime: UInt64 = (1 << 61) - 1
    private let multipliers: [UInt64]
    private let increments: [UInt64]

    init(count: Int, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        multipliers = (0..<count).map { _ in UInt64.random(in: 1..<Self.prime, using: &generator) }
        increments = (0..<count).map { _ in UInt64.random(in: 0..<Self.prime, using: &generator) }
    }

    /// k minima over `hashes`; UInt64.max everywhere for an empty set.
    func minima(of hashes: [UInt64]) -> [UInt64] {
        var minima = [UInt64](repeating: .max, count: multipliers.count)
        multipliers.withUnsafeBufferPointer { a in
            increments.withUnsafeBufferPointer { b in
                minima.withUnsafeMutableBufferPointer { m in
                    for hash in hashes {
                        let x = Self.reduce(hash)
                        for i in 0..<m.count {
                            let value = Self.reduce(Self.multiplyModPrime(a[i], x) &+ b[i])
                            if value < m[i] { m[i] = value }
                        }
                    }
                }
            }
        }
        return minima
    }

    /// a·x mod p for a, x < 2^61: the 122-bit product folded at bit 61 (2^61 ≡ 1 mod p).
    @inline(__always)
    static func multiplyModPrime(_ a: UInt64, _ x: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: x)
        let folded = (product.low & prime) &+ ((product.low >> 61) | (product.high << 3))
        return reduce(folded)
    }

    /// Any value below 2^63 reduced into 0..<p.
    @inline(__always)
    static func reduce(_ value: UInt64) -> UInt64 {
        var folded = (value & prime) &+ (value >> 61)
        if folded >= prime { folded -= prime }
        return folded
    }
}
