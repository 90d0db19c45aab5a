internal import CJansson

/// Why jansson refused to decode or encode, and where.
///
/// `kind` is stable across jansson versions (it names jansson's `json_error_code`, or a refusal of the encoder);
/// `text` is jansson's own message, for people, and may change. Positions are jansson's: `line` is 1-based,
/// `column` counts Unicode characters on that line, and `position` counts bytes from the start of the input
/// up to where jansson stopped reading, which is usually just past the offending token.
public struct JanssonError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case outOfMemory
        /// Nesting deeper than jansson's limit of 2048 values.
        case depthLimitExceeded
        case invalidArgument
        case invalidUTF8
        case prematureEndOfInput
        /// A complete value was followed by more than white space.
        case endOfInputExpected
        case invalidSyntax
        /// `\u0000` in a string, when NUL was not allowed.
        case nulCharacter
        /// `\u0000` in an object key: jansson can never decode one.
        case nulByteInKey
        case duplicateKey
        /// An integer outside Int64, or a real beyond Double's range.
        case numericOverflow
        /// A real that is NaN or infinite, which JSON cannot represent (encoding only).
        case nonFiniteNumber
        /// Anything jansson reports that has no better name here.
        case other
    }

    public let kind: Kind
    public let text: String
    /// nil when the error has no place in an input (encoding).
    public let line: Int?
    public let column: Int?
    public let position: Int?

    public init(kind: Kind, text: String, line: Int? = nil, column: Int? = nil, position: Int? = nil) {
        self.kind = kind
        self.text = text
        self.line = line
        self.column = column
        self.position = position
    }

    init(_ error: json_error_t) {
        // jansson keeps the error code in the last byte of `text`, after the message's terminating NUL.
        let message = withUnsafeBytes(of: error.text) { bytes in
            let length = bytes.prefix(Int(JSON_ERROR_TEXT_LENGTH) - 1).firstIndex(of: 0) ?? bytes.count - 1
            return String(decoding: bytes.prefix(length), as: UTF8.self)
        }
        var error = error
        self.init(kind: Kind(datalint_json_error_code(&error)), text: message,
                  line: Int(error.line), column: Int(error.column), position: Int(error.position))
    }

    public var description: String {
        guard let line, let column, let position else { return "\(text) (\(kind.rawValue))" }
        return "line \(line), column \(column), byte \(position): \(text) (\(kind.rawValue))"
    }
}

extension JanssonError.Kind {
    init(_ code: json_error_code) {
        switch code {
        case json_error_out_of_memory: self = .outOfMemory
        case json_error_stack_overflow: self = .depthLimitExceeded
        case json_error_invalid_argument: self = .invalidArgument
        case json_error_invalid_utf8: self = .invalidUTF8
        case json_error_premature_end_of_input: self = .prematureEndOfInput
        case json_error_end_of_input_expected: self = .endOfInputExpected
        case json_error_invalid_syntax: self = .invalidSyntax
        case json_error_null_character: self = .nulCharacter
        case json_error_null_byte_in_key: self = .nulByteInKey
        case json_error_duplicate_key: self = .duplicateKey
        case json_error_numeric_overflow: self = .numericOverflow
        default: self = .other
        }
    }
}
