import Jansson

/// UTF-8 bytes that live inside a larger buffer, shared rather than copied.
public struct SharedBytes: Sendable {
    /// The buffer; only `range` belongs to this value.
    public let storage: [UInt8]
    public let range: Range<Int>

    public init(storage: [UInt8], range: Range<Int>) {
        precondition(range.upperBound <= storage.count)
        self.storage = storage
        self.range = range
    }

    public var count: Int { range.count }

    /// A copy of the bytes as a `String` (for receivers that do not take bytes).
    public var string: String {
        storage.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}

/// One step into a JSON value.
public enum JSONPathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// The long string values of a large message, kept as bytes in the message's own buffer.
///
/// A `didOpen` of a 200 MB dataset is one JSON string. Making it a `String` and then splitting that into lines
/// costs two more buffers of its size, and clearing their fresh pages alone took a fifth of the time to first
/// diagnostics. So the string is decoded in place, inside the buffer the body was read into; in the message's
/// value it is an empty string, and a receiver takes the bytes from here — or calls `reattached(to:)` to get
/// the ordinary value.
public struct DetachedStrings: Sendable {
    public struct Entry: Sendable {
        public let path: [JSONPathComponent]
        public let bytes: SharedBytes

        public init(path: [JSONPathComponent], bytes: SharedBytes) {
            self.path = path
            self.bytes = bytes
        }
    }

    public private(set) var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    public static let none = DetachedStrings()

    public var isEmpty: Bool { entries.isEmpty }

    /// The bytes of the string at `path` (from the message's `params`), if it was detached.
    public func bytes(at path: [JSONPathComponent]) -> SharedBytes? {
        entries.first { $0.path == path }?.bytes
    }

    /// `params` with every detached string put back as a `String`.
    public func reattached(to params: JSONValue?) -> JSONValue? {
        guard var value = params else { return nil }
        for entry in entries { value = Self.replacing(entry.path[...], in: value, with: .string(entry.bytes.string)) }
        return value
    }

    private static func replacing(_ path: ArraySlice<JSONPathComponent>, in value: JSONValue, with replacement: JSONValue)
        -> JSONValue {
        guard let first = path.first else { return replacement }
        switch (first, value) {
        case (.key(let key), .object(var object)):
            guard let member = object[key] else { return value }
            object[key] = replacing(path.dropFirst(), in: member, with: replacement)
            return .object(object)
        case (.index(let index), .array(var elements)) where elements.indices.contains(index):
            elements[index] = replacing(path.dropFirst(), in: elements[index], with: replacement)
            return .array(elements)
        default:
            return value
        }
    }
}
