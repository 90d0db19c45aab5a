import Jansson
import RecordScanner

/// Decodes large message bodies (a `didOpen` of a 200 MB dataset) with datalint's span scanner instead of
/// jansson. Measured on a 204 MB didOpen, jansson's per-byte lexer took 5.1 s; scanning spans and decoding each
/// string once is several times faster. Small bodies keep going through jansson.
///
/// String values of `detachThreshold` bytes or more are decoded in place inside the body and detached (see
/// `DetachedStrings`): the value holds an empty string there.
///
/// The value is the same as jansson's except where docs/scanner.md lists deliberate differences (integers
/// beyond 64 bits become reals here rather than an error).
enum LargeBodyDecoder {
    static let threshold = 1 << 20
    static let detachThreshold = 1 << 20
    /// Deeper bodies go to jansson, whose tree walk is iterative; JSON-RPC messages are shallow.
    static let maximumDepth = 200

    struct Decoded {
        let value: JSONValue
        let detached: DetachedStrings
    }

    /// Decodes `body`, which it may rewrite in place and which detached strings then share. Nil when the body is
    /// nested too deeply for this decoder.
    static func decode(_ body: inout [UInt8]) -> Result<Decoded, BodyDecodingError>? {
        var scanner = RecordScanner(maxDepth: maximumDepth)
        var record = ParsedRecord()
        scanner.scan(body, lineRange: 0..<body.count, lineNumber: 0, into: &record)
        if let error = record.syntaxError {
            return error.kind == .depth ? nil : .failure(BodyDecodingError(description: error.description))
        }
        guard !record.nodes.isEmpty else { return .failure(BodyDecodingError(description: "empty body")) }
        var builder = TreeBuilder(record: record)
        let value = builder.value(at: 0)
        let longStrings = builder.longStrings
        // The record shares the body's buffer; let go of it so the in-place decoding below does not copy 200 MB.
        builder = TreeBuilder(record: ParsedRecord())
        record = ParsedRecord()
        let decodedRanges = longStrings.map { $0.node.decodeStringInPlace(in: &body) }
        let entries = zip(longStrings, decodedRanges).map {
            DetachedStrings.Entry(path: $0.path, bytes: SharedBytes(storage: body, range: $1))
        }
        return .success(Decoded(value: value, detached: DetachedStrings(entries)))
    }

    /// Builds the value tree of a scanned body, leaving long strings out.
    private struct TreeBuilder {
        let record: ParsedRecord
        private var path: [JSONPathComponent] = []
        private(set) var longStrings: [(path: [JSONPathComponent], node: JSONNode)] = []

        init(record: ParsedRecord) {
            self.record = record
        }

        mutating func value(at index: Int) -> JSONValue {
            let node = record[index]
            switch node.kind {
            case .object:
                var seen = Set<String>()
                return .object(JSONObject(record.members(of: index).map { member in
                    let key = record.string(member.key)
                    path.append(.key(key))
                    defer { path.removeLast() }
                    // A repeated key's last value wins, as in jansson: strings detached under an earlier one go.
                    if !seen.insert(key).inserted {
                        let prefix = path
                        longStrings.removeAll { $0.path.starts(with: prefix) }
                    }
                    return (key, value(at: member.value))
                }))
            case .array:
                return .array(record.elements(of: index).enumerated().map { position, element in
                    path.append(.index(position))
                    defer { path.removeLast() }
                    return value(at: element)
                })
            case .string:
                if node.span.count >= LargeBodyDecoder.detachThreshold {
                    longStrings.append((path, node))
                    return .string("")
                }
                return .string(record.string(index))
            case .number:
                let text = record.withLineBytes { String(decoding: $0[node.span], as: UTF8.self) }
                let isInteger = !text.contains { $0 == "." || $0 == "e" || $0 == "E" }
                if isInteger, let integer = Int64(text) { return .integer(integer) }
                return .real(Double(text) ?? .nan)
            case .trueLiteral:
                return .bool(true)
            case .falseLiteral:
                return .bool(false)
            case .null:
                return .null
            }
        }
    }
}

/// Why a message body could not be decoded, in words for the error response.
struct BodyDecodingError: Error, CustomStringConvertible {
    let description: String
}
