/// The members of a JSON object, in the order they were written or added. Keys are unique.
///
/// Equality is order-sensitive: this type exists to carry member order through a round trip, so two objects
/// whose members differ only in order are different values. Lookup by key is a linear scan, which beats
/// hashing for the handful of members a JSON-RPC message has.
public struct JSONObject: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var members: [Member]

    public init() { members = [] }

    /// An object with these members in this order. A repeated key keeps its first position and its last value,
    /// which is what jansson (and most JSON parsers) make of `{"a":1,"a":2}`.
    public init(_ pairs: some Sequence<(String, JSONValue)>) {
        members = []
        var positions: [String: Int] = [:]
        for (key, value) in pairs {
            if let position = positions[key] {
                members[position].value = value
            } else {
                positions[key] = members.count
                members.append(Member(key: key, value: value))
            }
        }
    }

    /// Members already known to have unique keys (jansson's objects are hash tables).
    init(uniqueMembers: [Member]) { members = uniqueMembers }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    /// The value of `key`; assigning replaces a member in place or appends a new one, and nil removes it.
    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            let existing = members.firstIndex { $0.key == key }
            switch (existing, newValue) {
            case let (index?, value?): members[index].value = value
            case let (index?, nil): members.remove(at: index)
            case let (nil, value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }
}

extension JSONObject: RandomAccessCollection {
    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }
    public subscript(position: Int) -> Member { members[position] }
}
