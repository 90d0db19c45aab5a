/// A JSON value held entirely in Swift: what the Jansson module hands out after decoding and takes in to encode.
///
/// Integers and reals stay apart, as jansson keeps them: `1` decodes to `.integer(1)` and `1.0` to `.real(1.0)`,
/// so a value re-encodes the way it was written. Objects keep their members in order.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case real(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// The member named `key` when this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The element at `index` when this is an array that long.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    public var isNull: Bool {
        if case .null = self { true } else { false }
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    public var int64Value: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// The integer as an `Int`; nil for reals, even integral ones, because JSON-RPC ids and LSP positions are
    /// always written as integers and a real there is a client bug worth seeing.
    public var intValue: Int? {
        int64Value.flatMap { Int(exactly: $0) }
    }

    /// Any number as a `Double` (integers beyond 2^53 round).
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        default: nil
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    public var objectValue: JSONObject? {
        if case .object(let value) = self { value } else { nil }
    }
}
