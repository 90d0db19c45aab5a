import DatasetText

/// One scanned JSONL line: the line's bytes, the tape of its values, and what went wrong.
///
/// The record shares its storage with the chunk it came from, and a worker reuses one record for every line
/// it scans, so scanning allocates nothing per line once the tape has grown to the largest record.
public struct ParsedRecord: Sendable {
    public private(set) var storage: [UInt8] = []
    /// The line's content (without line ending) inside `storage`.
    public private(set) var lineRange: Range<Int> = 0..<0
    /// 0-based line number in the file.
    public private(set) var lineNumber = 0
    /// The values of the record in document order; `nodes[0]` is the root when the line is valid JSON.
    public internal(set) var nodes: [JSONNode] = []
    /// Set when the line is not valid JSON; `nodes` then holds what was scanned before the error.
    public internal(set) var syntaxError: JSONSyntaxError?
    /// Keys repeated within one object (the record is still valid JSON).
    public internal(set) var duplicateKeys: [DuplicateKey] = []

    public init() {}

    mutating func reset(bytes: [UInt8], lineRange: Range<Int>, lineNumber: Int) {
        storage = bytes
        self.lineRange = lineRange
        self.lineNumber = lineNumber
        nodes.removeAll(keepingCapacity: true)
        duplicateKeys.removeAll(keepingCapacity: true)
        syntaxError = nil
    }

    @inlinable public var isValidJSON: Bool { syntaxError == nil && !nodes.isEmpty }

    /// The root value's index when the record is a JSON object.
    @inlinable public var rootObject: Int? {
        isValidJSON && nodes[0].kind == .object ? 0 : nil
    }

    // Reading nodes and bytes is `@inlinable`, like `JSONNode`'s accessors, so that stages in other modules
    // read a record without a call (and without unspecialized generic code) per access.
    @inlinable public subscript(index: Int) -> JSONNode { nodes[index] }

    /// The line's bytes (a copy; for tests and rare paths).
    public var lineBytes: ArraySlice<UInt8> { storage[lineRange] }

    /// Runs `body` over the line's bytes without copying them.
    @inlinable @inline(__always)
    public func withLineBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[lineRange])) }
    }
}

// MARK: - Walking objects and arrays

extension ParsedRecord {
    /// The (key, value) node indexes of an object's members, in order.
    @inlinable public func members(of object: Int) -> ObjectMembers {
        ObjectMembers(nodes: nodes, object: object)
    }

    /// The node indexes of an array's elements, in order.
    @inlinable public func elements(of array: Int) -> ArrayElements {
        ArrayElements(nodes: nodes, array: array)
    }

    /// The value of the first member of `object` whose key is `name`.
    public func value(forKey name: String, in object: Int) -> Int? {
        for member in members(of: object) where keyEquals(member.key, name) { return member.value }
        return nil
    }
}

public struct ObjectMembers: Sequence, Sendable {
    @usableFromInline let nodes: [JSONNode]
    @usableFromInline let object: Int

    @inlinable init(nodes: [JSONNode], object: Int) {
        self.nodes = nodes
        self.object = object
    }

    public struct Iterator: IteratorProtocol {
        @usableFromInline let nodes: [JSONNode]
        @usableFromInline var key: Int
        @usableFromInline var remaining: Int

        @inlinable init(nodes: [JSONNode], key: Int, remaining: Int) {
            self.nodes = nodes
            self.key = key
            self.remaining = remaining
        }

        @inlinable public mutating func next() -> (key: Int, value: Int)? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            let member = (key: key, value: key + 1)
            key = nodes[key + 1].next
            return member
        }
    }

    @inlinable public func makeIterator() -> Iterator {
        Iterator(nodes: nodes, key: object + 1, remaining: nodes[object].count)
    }
    @inlinable public var underestimatedCount: Int { nodes[object].count }
}

public struct ArrayElements: Sequence, Sendable {
    @usableFromInline let nodes: [JSONNode]
    @usableFromInline let array: Int

    @inlinable init(nodes: [JSONNode], array: Int) {
        self.nodes = nodes
        self.array = array
    }

    public struct Iterator: IteratorProtocol {
        @usableFromInline let nodes: [JSONNode]
        @usableFromInline var element: Int
        @usableFromInline var remaining: Int

        @inlinable init(nodes: [JSONNode], element: Int, remaining: Int) {
            self.nodes = nodes
            self.element = element
            self.remaining = remaining
        }

        @inlinable public mutating func next() -> Int? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            defer { element = nodes[element].next }
            return element
        }
    }

    @inlinable public func makeIterator() -> Iterator {
        Iterator(nodes: nodes, element: array + 1, remaining: nodes[array].count)
    }
    @inlinable public var underestimatedCount: Int { nodes[array].count }
}
