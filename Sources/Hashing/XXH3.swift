import CXXHash

/// One-shot XXH3 hashing (xxHash 0.8), 64 and 128 bits.
///
/// These functions hash the bytes in place: they neither copy nor allocate, so they can run once per record
/// over millions of records. A seed of 0 gives the same result as unseeded XXH3 (`XXH3_64bits`), which is what
/// other tools (Python's `xxhash.xxh3_64`, `xxhsum -H3`) compute by default.
public enum XXH3 {
    /// The XXH3-64 hash of `bytes`.
    public static func hash64(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash64(buffer: $0, seed: seed) }
    }

    /// The XXH3-64 hash of `bytes` (a slice hashes exactly like an array of the same bytes).
    public static func hash64(_ bytes: ArraySlice<UInt8>, seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash64(buffer: $0, seed: seed) }
    }

    /// The XXH3-64 hash of the UTF-8 bytes of `string`.
    public static func hash64(_ string: String, seed: UInt64 = 0) -> UInt64 {
        var string = string
        return string.withUTF8 { hash64(buffer: UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// The XXH3-128 hash of `bytes`.
    public static func hash128(_ bytes: [UInt8], seed: UInt64 = 0) -> XXH3Hash128 {
        bytes.withUnsafeBytes { hash128(buffer: $0, seed: seed) }
    }

    /// The XXH3-128 hash of `bytes`.
    public static func hash128(_ bytes: ArraySlice<UInt8>, seed: UInt64 = 0) -> XXH3Hash128 {
        bytes.withUnsafeBytes { hash128(buffer: $0, seed: seed) }
    }

    /// The XXH3-128 hash of the UTF-8 bytes of `string`.
    public static func hash128(_ string: String, seed: UInt64 = 0) -> XXH3Hash128 {
        var string = string
        return string.withUTF8 { hash128(buffer: UnsafeRawBufferPointer($0), seed: seed) }
    }

    // An empty buffer may have a nil base address; xxHash accepts NULL when the length is 0.
    static func hash64(buffer: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        XXH3_64bits_withSeed(buffer.baseAddress, buffer.count, seed)
    }

    static func hash128(buffer: UnsafeRawBufferPointer, seed: UInt64) -> XXH3Hash128 {
        XXH3Hash128(XXH3_128bits_withSeed(buffer.baseAddress, buffer.count, seed))
    }
}
