/// Small, fixed 64-bit mixing functions. They are part of the signature and band-key format (keys land in the
/// workspace index), so they must never change without a format version bump.
enum Mixing {
    /// MurmurHash3's fmix64 finalizer: a bijection on 64 bits whose every output bit depends on every input bit,
    /// cheap enough to run once per shingle.
    @inline(__always)
    static func mix64(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// Maps a uniform 64-bit value onto 0..<count without division (Lemire's multiply-shift range reduction).
    @inline(__always)
    static func reduce(_ value: UInt64, into count: Int) -> Int {
        Int(truncatingIfNeeded: value.multipliedFullWidth(by: UInt64(count)).high)
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator, so that hash-function parameters come from the
/// seed alone and signatures are reproducible across runs and machines.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Mixing.mix64(state)
    }
}
