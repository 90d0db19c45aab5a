/// A byte string → rank lookup for a BPE vocabulary: the hot path of tokenization, asked once for every piece of
/// text and once more for every candidate merge inside a piece.
///
/// It is an open-addressing hash table whose slots hold each token's first eight bytes and its rank, beside an
/// arena holding every token's bytes, all in memory allocated once and never changed afterwards: lookups read raw
/// memory without bounds checks, reference counting or allocation, and any number of threads can share one
/// table.
public struct RankTable: Sendable {
    /// The rank returned for byte strings that are not tokens, as in tiktoken's `Rank::MAX`.
    static let absent = UInt32.max

    let storage: Storage

    /// The number of tokens.
    public var count: Int { storage.entryCount }

    /// Builds the table from `(bytes, rank)` pairs, in the order a rank file lists them.
    ///
    /// - Throws: `RankTableError` for an empty or over-long token, a rank that does not fit in 32 bits, or the same
    ///   bytes or the same rank twice (`index` is the position of the later one).
    public init(_ tokens: some Sequence<(bytes: [UInt8], rank: Int)>) throws(RankTableError) {
        var builder = Builder()
        for (index, token) in tokens.enumerated() {
            try builder.append(token.bytes, rank: token.rank, index: index)
        }
        storage = try builder.finish()
    }

    init(storage: Storage) { self.storage = storage }

    /// The rank of `bytes`, or nil if they are not a token.
    public func rank(of bytes: some Sequence<UInt8>) -> Int? {
        let rank = Array(bytes).withUnsafeBytes { storage.rank(of: $0.baseAddress, count: $0.count) }
        return rank == Self.absent ? nil : Int(rank)
    }

    /// The bytes of the token with rank `rank`, or nil if no token has it.
    public func bytes(ofRank rank: Int) -> [UInt8]? {
        storage.bytes(ofRank: rank)
    }

    /// The largest rank in the table, or -1 when it is empty.
    public var maximumRank: Int { storage.maximumRank }
}

/// A rank table that could not be built.
public enum RankTableError: Error, Equatable, CustomStringConvertible {
    /// Token number `index` (0-based, in input order) has no bytes.
    case emptyToken(index: Int)
    /// Token number `index` is longer than the table allows (64 KiB); no BPE vocabulary comes close.
    case tokenTooLong(index: Int, length: Int)
    /// Token number `index` has a negative rank or one that does not fit in 32 bits.
    case rankOutOfRange(index: Int, rank: Int)
    /// Token number `index` repeats the bytes of an earlier token.
    case duplicateBytes(index: Int)
    /// Token number `index` repeats the rank of an earlier token.
    case duplicateRank(index: Int, rank: Int)

    public var description: String {
        switch self {
        case .emptyToken(let index): "token \(index) is empty"
        case .tokenTooLong(let index, let length): "token \(index) is \(length) bytes long"
        case .rankOutOfRange(let index, let rank): "token \(index) has rank \(rank), outside 0..<\(UInt32.max)"
        case .duplicateBytes(let index): "token \(index) repeats the bytes of an earlier token"
        case .duplicateRank(let index, let rank): "token \(index) repeats rank \(rank) of an earlier token"
        }
    }
}

extension RankTable {
    /// One hash-table slot: the token's first (up to) eight bytes, its rank, its length and 16 more bits of its
    /// hash. A token of at most eight bytes, which is most of the lookups (every candidate pair in a merge starts
    /// as two bytes), is found by reading its slot alone: one cache line, no second memory access.
    struct Slot {
        var prefix: UInt64 = 0
        var rank: UInt32 = 0
        /// 0 marks an empty slot (no token is empty).
        var length: UInt16 = 0
        var tag: UInt16 = 0
    }

    /// The memory behind a table. Written only while a `Builder` fills it; read-only once `finish()` returns it.
    final class Storage: @unchecked Sendable {
        // @unchecked: every buffer is filled before `finish()` hands the storage out and never written after, so
        // concurrent readers see immutable memory.
        let arena: UnsafeMutableBufferPointer<UInt8>
        /// Per entry: the offset of its bytes in `arena` (low 32 bits) and their length (high 32 bits).
        let spans: UnsafeMutableBufferPointer<UInt64>
        /// Open addressing with linear probing, at most two-thirds full.
        let slots: UnsafeMutableBufferPointer<Slot>
        let slotMask: Int
        /// Rank → entry index + 1 (0: no such rank), for decoding and for comparing bytes past the eighth.
        let entryOfRank: UnsafeMutableBufferPointer<UInt32>
        let entryCount: Int
        let maximumRank: Int

        init(arena: [UInt8], spans: [UInt64], slots: [Slot], entryOfRank: [UInt32]) {
            func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
                _ = buffer.initialize(from: array)
                return buffer
            }
            self.arena = copy(arena)
            self.spans = copy(spans)
            self.slots = copy(slots)
            self.entryOfRank = copy(entryOfRank)
            slotMask = slots.count - 1
            entryCount = spans.count
            maximumRank = entryOfRank.count - 1
        }

        deinit {
            arena.deallocate()
            spans.deallocate()
            slots.deallocate()
            entryOfRank.deallocate()
        }

        /// The rank of the `count` bytes at `bytes`, or `RankTable.absent`.
        @inline(__always)
        func rank(of bytes: UnsafeRawPointer?, count: Int) -> UInt32 {
            guard let bytes, count > 0, count <= 0xFFFF else { return RankTable.absent }
            let (prefix, hash) = RankTable.key(bytes, count)
            let tag = UInt16(truncatingIfNeeded: hash >> 48)
            let length = UInt16(truncatingIfNeeded: count)
            var index = Int(truncatingIfNeeded: hash) & slotMask
            let slots = self.slots.baseAddress.unsafelyUnwrapped
            while true {
                let slot = slots[index]
                if slot.length == 0 { return RankTable.absent }
                if slot.prefix == prefix && slot.length == length && slot.tag == tag
                    && (count <= 8 || tailsEqual(rank: slot.rank, bytes, count)) {
                    return slot.rank
                }
                index = (index &+ 1) & slotMask
            }
        }

        /// Whether bytes 8..<count of the token with `rank` and of `bytes` are equal.
        private func tailsEqual(rank: UInt32, _ bytes: UnsafeRawPointer, _ count: Int) -> Bool {
            let span = spans[Int(entryOfRank[Int(rank)]) - 1]
            let start = arena.baseAddress.unsafelyUnwrapped + Int(truncatingIfNeeded: span & 0xFFFF_FFFF)
            return RankTable.equal(start + 8, bytes + 8, count - 8)
        }

        func bytes(ofRank rank: Int) -> [UInt8]? {
            guard rank >= 0, rank <= maximumRank else { return nil }
            let entry = Int(entryOfRank[rank])
            guard entry > 0 else { return nil }
            let span = spans[entry - 1]
            let start = Int(span & 0xFFFF_FFFF)
            return Array(arena[start..<start + Int(span >> 32)])
        }
    }

    /// Collects tokens, then lays them out in a `Storage`.
    struct Builder {
        private var arena: [UInt8] = []
        private var spans: [UInt64] = []
        private var ranks: [UInt32] = []

        mutating func append(_ bytes: [UInt8], rank: Int, index: Int) throws(RankTableError) {
            guard bytes.count > 0 else { throw .emptyToken(index: index) }
            guard bytes.count <= 0xFFFF else { throw .tokenTooLong(index: index, length: bytes.count) }
            guard rank >= 0, rank < Int(UInt32.max) else { throw .rankOutOfRange(index: index, rank: rank) }
            spans.append(UInt64(arena.count) | UInt64(bytes.count) << 32)
            arena.append(contentsOf: bytes)
            ranks.append(UInt32(rank))
        }

        /// Hashes every entry into slots at most two-thirds full and indexes entries by rank.
        func finish() throws(RankTableError) -> Storage {
            var capacity = 16
            while capacity * 2 < spans.count * 3 { capacity <<= 1 }
            var slots = [Slot](repeating: Slot(), count: capacity)
            let maximumRank = ranks.max().map(Int.init) ?? -1
            var entryOfRank = [UInt32](repeating: 0, count: maximumRank + 1)
            let failure: RankTableError? = arena.withUnsafeBytes { arena in
                guard let base = arena.baseAddress else { return nil }
                for entry in spans.indices {
                    let rank = Int(ranks[entry])
                    guard entryOfRank[rank] == 0 else { return .duplicateRank(index: entry, rank: rank) }
                    entryOfRank[rank] = UInt32(entry + 1)
                    let start = base + Int(spans[entry] & 0xFFFF_FFFF)
                    let count = Int(spans[entry] >> 32)
                    let (prefix, hash) = RankTable.key(start, count)
                    let slot = Slot(prefix: prefix, rank: UInt32(rank), length: UInt16(count),
                                    tag: UInt16(truncatingIfNeeded: hash >> 48))
                    var index = Int(truncatingIfNeeded: hash) & (capacity - 1)
                    while slots[index].length != 0 {
                        let other = slots[index]
                        if other.prefix == slot.prefix && other.length == slot.length {
                            let otherSpan = spans[Int(entryOfRank[Int(other.rank)]) - 1]
                            if RankTable.equal(base + Int(otherSpan & 0xFFFF_FFFF), start, count) {
                                return .duplicateBytes(index: entry)
                            }
                        }
                        index = (index + 1) & (capacity - 1)
                    }
                    slots[index] = slot
                }
                return nil
            }
            if let failure { throw failure }
            return Storage(arena: arena, spans: spans, slots: slots, entryOfRank: entryOfRank)
        }
    }
}

extension RankTable {
    /// A token's first eight bytes (zero-padded, little-endian) and a 64-bit hash of all its bytes. Keys of up to
    /// eight bytes are read with two overlapping loads and hashed from the prefix alone; longer ones a word at a
    /// time, mixed by a 128-bit multiply as wyhash does. The hash only has to agree between the builder and the
    /// lookups of one process. Never reads outside `bytes..<bytes + count`.
    @inline(__always)
    static func key(_ bytes: UnsafeRawPointer, _ count: Int) -> (prefix: UInt64, hash: UInt64) {
        let seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        if count <= 8 {
            let prefix: UInt64
            if count >= 4 {
                let low = UInt64(bytes.loadUnaligned(as: UInt32.self))
                let high = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
                prefix = low | high << UInt64((count - 4) * 8)
            } else {
                var value: UInt64 = 0
                for index in 0..<count {
                    value |= UInt64(bytes.load(fromByteOffset: index, as: UInt8.self)) << UInt64(index * 8)
                }
                prefix = value
            }
            return (prefix, mix(prefix ^ seed, UInt64(count) ^ 0xE703_7ED1_A0B4_28DB))
        }
        let prefix = bytes.loadUnaligned(as: UInt64.self)
        var state = seed ^ UInt64(count)
        var offset = 0
        while offset + 16 <= count {
            let low = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let high = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
            state = mix(low ^ state, high ^ 0xE703_7ED1_A0B4_28DB)
            offset += 16
        }
        let low = bytes.loadUnaligned(fromByteOffset: count >= 16 ? count - 16 : 0, as: UInt64.self)
        let high = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        return (prefix, mix(low ^ state, high ^ 0x8EBC_6AF0_9C88_C6E3))
    }

    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// Byte equality of two spans of `count` bytes, a word at a time.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) {
                return false
            }
            offset += 1
        }
        return true
    }
}
