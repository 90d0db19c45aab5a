import CXXHash

/// A 128-bit XXH3 hash, as its two 64-bit halves.
public struct XXH3Hash128: Hashable, Sendable, CustomStringConvertible {
    /// The most significant 64 bits.
    public var high: UInt64
    /// The least significant 64 bits.
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init(_ hash: XXH128_hash_t) {
        self.init(high: hash.high64, low: hash.low64)
    }

    /// 32 lowercase hex digits, high half first: xxHash's canonical (big-endian) form, the same text as
    /// `xxhsum -H2` and Python's `xxh3_128_hexdigest`.
    public var description: String { Self.hex(high) + Self.hex(low) }

    private static func hex(_ half: UInt64) -> String {
        let digits = String(half, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
