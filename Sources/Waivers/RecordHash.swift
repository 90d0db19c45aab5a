import Hashing

/// The content hash of a record: XXH3-64 of its line's bytes, without the line ending.
///
/// JSONL has no comments, so a waiver cannot sit next to the record it excuses; it names the record by this hash
/// instead. The hash survives the record moving to another line and changes when the record's bytes change.
public struct RecordHash: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: UInt64

    public init(_ value: UInt64) {
        self.value = value
    }

    /// The hash of a record line's content bytes.
    public static func of(_ bytes: ArraySlice<UInt8>) -> RecordHash {
        RecordHash(XXH3.hash64(bytes))
    }

    /// The hash of a record line's content bytes.
    public static func of(_ bytes: [UInt8]) -> RecordHash {
        RecordHash(XXH3.hash64(bytes))
    }

    /// The written form's prefix, which names the algorithm so another one could be introduced later.
    public static let prefix = "xxh3:"

    /// Parses the written form: `xxh3:` and exactly 16 lowercase hex digits.
    public init?(_ text: some StringProtocol) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let digits = text.utf8.dropFirst(Self.prefix.utf8.count)
        guard digits.count == 16, digits.allSatisfy(Self.isLowercaseHexDigit),
              let value = UInt64(String(decoding: digits, as: UTF8.self), radix: 16)
        else { return nil }
        self.value = value
    }

    /// `xxh3:` and 16 lowercase hex digits.
    public var description: String {
        let digits = String(value, radix: 16)
        return Self.prefix + String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func < (lhs: RecordHash, rhs: RecordHash) -> Bool { lhs.value < rhs.value }

    private static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
