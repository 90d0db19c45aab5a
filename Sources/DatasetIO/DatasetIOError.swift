/// Why a dataset could not be read. Each case names the file, and the message says what to do about it.
public struct DatasetIOError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case notFound
        case isDirectory
        case permissionDenied
        case notReadable
        /// The file looks like binary data, not JSONL text.
        case binary
        /// A gzip stream is truncated or damaged.
        case corruptCompression
    }

    public let kind: Kind
    /// The path as the user gave it (`-` for standard input).
    public let path: String
    /// Where the problem is, when it is at a place in the file (1-based line and UTF-8 column).
    public let line: Int?
    public let column: Int?
    public let reason: String

    public init(_ kind: Kind, path: String, reason: String, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.path = path
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// `path:line:column: reason`, the form compilers use, so editors and terminals can jump to it.
    public var description: String {
        var location = path == "-" ? "<stdin>" : path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(reason)"
    }
}
