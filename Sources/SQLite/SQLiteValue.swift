/// One SQLite value, as it crosses between Swift and SQLite.
///
/// The cases are SQLite's five storage classes. Two conversions need care:
/// - `UInt64` (hashes) has no SQLite type. It is stored as the `Int64` with the same bits (`uint64(_:)`,
///   `uint64Value`), so every hash round-trips exactly and equality, `UNIQUE` and indexes work. Ordering does
///   not: hashes with the high bit set compare as negative, so never use `<`, `>` or `ORDER BY` on them
///   expecting unsigned order.
/// - SQLite stores a NaN `real` as NULL.
public enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// A `UInt64` stored as the `Int64` with the same bit pattern (see the type's documentation).
    public static func uint64(_ value: UInt64) -> SQLiteValue {
        .integer(Int64(bitPattern: value))
    }

    public var isNull: Bool { self == .null }

    /// The integer, or nil for any other storage class.
    public var int64Value: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The integer read back as the `UInt64` it was stored from with `uint64(_:)`.
    public var uint64Value: UInt64? {
        int64Value.map { UInt64(bitPattern: $0) }
    }

    /// The real, or an integer widened to `Double`: SQLite may hand back a whole-number real as an integer.
    public var doubleValue: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    /// The text, or nil for any other storage class.
    public var stringValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The blob, or nil for any other storage class.
    public var blobValue: [UInt8]? {
        if case .blob(let value) = self { return value }
        return nil
    }
}

// Literals make binding lists read like SQL: `[42, "name", nil]`.
extension SQLiteValue: ExpressibleByNilLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral {
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(stringLiteral value: String) { self = .text(value) }
}
