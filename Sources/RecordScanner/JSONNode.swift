/// The kind of a JSON value.
public enum JSONKind: UInt8, Sendable {
    case object, array, string, number, trueLiteral, falseLiteral, null

    /// The word a user would use for it in a message ("an object", "a string").
    public var nameWithArticle: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .trueLiteral, .falseLiteral: "a boolean"
        case .null: "null"
        }
    }
}

/// One value of a scanned record, stored flat: a record is an array of nodes in document order (a tape).
///
/// An object's members follow it as key, value, key, value…; an array's elements follow it. `next` is the
/// index of the first node after this value's whole subtree, so siblings are reached without walking children.
/// Offsets are bytes from the start of the line; a string's span includes its quotes.
///
/// The accessors are `@inlinable`: checks read nodes in every record, and a call across modules per read
/// costs more than the read.
public struct JSONNode: Sendable, Equatable {
    public let kind: JSONKind
    /// For strings: true when the raw text holds a backslash escape, so it must be decoded before comparing.
    public let hasEscapes: Bool
    @usableFromInline let startOffset: UInt32
    @usableFromInline var endOffset: UInt32
    @usableFromInline var nextIndex: UInt32
    @usableFromInline var childCount: UInt32

    init(kind: JSONKind, start: Int, end: Int = 0, hasEscapes: Bool = false) {
        self.kind = kind
        self.hasEscapes = hasEscapes
        self.startOffset = UInt32(truncatingIfNeeded: start)
        self.endOffset = UInt32(truncatingIfNeeded: end)
        self.nextIndex = 0
        self.childCount = 0
    }

    /// Byte offset of the value's first byte in the line.
    @inlinable public var start: Int { Int(startOffset) }
    /// Byte offset one past the value's last byte in the line.
    @inlinable public var end: Int { Int(endOffset) }
    /// The value's bytes in the line.
    @inlinable public var span: Range<Int> { start..<end }
    /// Index of the next node after this subtree.
    @inlinable public var next: Int { Int(nextIndex) }
    /// Members of an object or elements of an array.
    @inlinable public var count: Int { Int(childCount) }
}

/// Where a line stopped being JSON, and what the scanner expected there.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The grammar of JSON was broken.
        case syntax
        /// A byte sequence is not valid UTF-8.
        case encoding
        /// Values are nested deeper than the limit.
        case depth
    }

    public let kind: Kind
    /// Byte offset in the line where the problem is.
    public let offset: Int
    /// Bytes of the offending token (at least one byte unless the line ended).
    public let length: Int
    public let message: String

    public init(_ kind: Kind = .syntax, offset: Int, length: Int = 1, message: String) {
        self.kind = kind
        self.offset = offset
        self.length = length
        self.message = message
    }

    public var description: String { "byte \(offset): \(message)" }
}

/// A key that appears twice in one object: the repeated key node and the first one.
public struct DuplicateKey: Sendable, Equatable {
    public let keyNode: Int
    public let firstKeyNode: Int
}

extension JSONNode {
    /// Decodes this string node over its own raw text in `storage` — the bytes it was scanned from, with the
    /// line starting at offset 0 — and returns the range of the decoded bytes. For a huge string wanted as bytes:
    /// no second buffer is allocated, and the bytes between the returned range and the closing quote are left as
    /// they were. Only `kind == .string` nodes may be decoded.
    public func decodeStringInPlace(in storage: inout [UInt8]) -> Range<Int> {
        precondition(kind == .string && span.upperBound <= storage.count, "not a string node of these bytes")
        return storage.withUnsafeMutableBytes {
            JSONStringDecoder.decodeInPlace($0, span: span, hasEscapes: hasEscapes)
        }
    }
}
