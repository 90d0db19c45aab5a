import Jansson

/// Encodes `Encodable` types (LSP's typed results) into a `JSONValue` for jansson to write. Optional members that
/// are nil are left out, as LSP expects of optional properties.
public struct JSONValueEncoder: Sendable {
    public init() {}

    public func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Slot()
        try value.encode(to: ValueEncoder(slot: root, codingPath: []))
        return root.resolved
    }
}

/// Where one encoded value lands. Containers write into their slot as they are filled, so nested containers
/// handed out earlier still reach the final value.
fileprivate final class Slot {
    var value: JSONValue = .null
    var members: [(String, Slot)]?
    var elements: [Slot]?

    var resolved: JSONValue {
        if let members { return .object(JSONObject(members.map { ($0.0, $0.1.resolved) })) }
        if let elements { return .array(elements.map(\.resolved)) }
        return value
    }
}

fileprivate struct ValueEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.members == nil { slot.members = [] }
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.elements == nil { slot.elements = [] }
        return UnkeyedContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(slot: slot, codingPath: codingPath) }
}

fileprivate struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> Slot {
        let child = Slot()
        if let index = slot.members?.firstIndex(where: { $0.0 == key.stringValue }) {
            slot.members?[index].1 = child
        } else {
            slot.members?.append((key.stringValue, child))
        }
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).value = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try value.encode(to: ValueEncoder(slot: child(key), codingPath: codingPath + [key]))
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return }
        try encode(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(slot: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(slot: slot, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(slot: child(key), codingPath: codingPath + [key]) }
}

fileprivate struct UnkeyedContainer: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    var count: Int { slot.elements?.count ?? 0 }

    private func child() -> Slot {
        let child = Slot()
        slot.elements?.append(child)
        return child
    }

    mutating func encodeNil() throws { child().value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: ValueEncoder(slot: child(), codingPath: codingPath + [IndexKey(count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(slot: child(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: child(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(slot: child(), codingPath: codingPath) }
}

fileprivate struct SingleContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.value = .null }
    mutating func encode(_ value: Bool) throws { slot.value = .bool(value) }
    mutating func encode(_ value: String) throws { slot.value = .string(value) }
    mutating func encode(_ value: Double) throws { slot.value = .real(value) }
    mutating func encode(_ value: Float) throws { slot.value = .real(Double(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let integer = value as? any FixedWidthInteger {
            guard let exact = Int64(exactly: integer) else {
                throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "integer too large for JSON"))
            }
            slot.value = .integer(exact)
        } else if let json = value as? JSONValue {
            slot.value = json
        } else {
            try value.encode(to: ValueEncoder(slot: slot, codingPath: codingPath))
        }
    }
}

extension JSONValue: Encodable {
    /// Written whole into this module's encoder; other encoders get its plain JSON shape.
    public func encode(to encoder: any Encoder) throws {
        if let ours = encoder as? ValueEncoder {
            ours.slot.value = self
            return
        }
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .real(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let elements): try container.encode(elements)
        case .object(let object): try container.encode(Dictionary(object.members.map { ($0.key, $0.value) }) { $1 })
        }
    }
}
