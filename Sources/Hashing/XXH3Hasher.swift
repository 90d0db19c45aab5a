import CXXHash

/// Incremental XXH3 hashing, for input that arrives in pieces (a record split across reads, several fields
/// hashed as one). Feeding the pieces gives the same hash as hashing their concatenation in one shot.
///
/// The hasher owns xxHash's state (about 600 bytes, allocated once in `init` and freed when the hasher goes
/// away); `update` and the digests never allocate. It is non-copyable because the state is unique: a copy
/// would either share it (and see another owner's updates) or need a fresh allocation behind the caller's back.
///
/// XXH3's 64- and 128-bit variants share one state and one update function, so a single pass can yield both.
public struct XXH3Hasher: ~Copyable {
    /// `XXH3_state_t *`, which xxHash keeps opaque.
    private let state: OpaquePointer

    /// A hasher whose digests equal `XXH3.hash64(_:seed:)` and `XXH3.hash128(_:seed:)` of everything fed to it.
    public init(seed: UInt64 = 0) {
        guard let state = XXH3_createState() else {
            fatalError("out of memory allocating an XXH3 state")
        }
        self.state = state
        reset(seed: seed)
    }

    deinit {
        XXH3_freeState(state)
    }

    /// Forgets everything fed so far and starts over with `seed`, reusing the state's memory.
    public mutating func reset(seed: UInt64 = 0) {
        // Resetting only fails for a NULL state, which `init` rules out.
        _ = XXH3_64bits_reset_withSeed(state, seed)
    }

    /// Feeds `bytes`.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update(buffer: $0) }
    }

    /// Feeds `bytes`.
    public mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { update(buffer: $0) }
    }

    /// Feeds the UTF-8 bytes of `string`.
    public mutating func update(_ string: String) {
        var string = string
        string.withUTF8 { update(buffer: UnsafeRawBufferPointer($0)) }
    }

    /// The XXH3-64 hash of everything fed since the last reset. More input may follow.
    public func digest64() -> UInt64 {
        XXH3_64bits_digest(state)
    }

    /// The XXH3-128 hash of everything fed since the last reset. More input may follow.
    public func digest128() -> XXH3Hash128 {
        XXH3Hash128(XXH3_128bits_digest(state))
    }

    private mutating func update(buffer: UnsafeRawBufferPointer) {
        // Updating only fails for a NULL state, or a NULL input with a non-zero length.
        _ = XXH3_64bits_update(state, buffer.baseAddress, buffer.count)
    }
}

// The state is reachable only through this non-copyable value, so handing the value to another task hands over
// the state with it; `digest64`/`digest128` only read the state, and `update`/`reset` need exclusive access.
extension XXH3Hasher: @unchecked Sendable {}
