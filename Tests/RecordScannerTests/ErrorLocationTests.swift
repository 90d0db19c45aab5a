import RecordScanner
import Testing

/// The error offsets, lengths and messages that docs/scanner.md promises, one case per rule.
struct ErrorLocation: CustomTestStringConvertible, Sendable {
    let line: [UInt8]
    let kind: JSONSyntaxError.Kind
    let offset: Int
    let length: Int
    let message: String

    init(_ line: [UInt8], _ kind: JSONSyntaxError.Kind = .syntax, at offset: Int, length: Int, _ message: String) {
        self.line = line
        self.kind = kind
        self.offset = offset
        self.length = length
        self.message = message
    }

    init(_ text: String, _ kind: JSONSyntaxError.Kind = .syntax, at offset: Int, length: Int, _ message: String) {
        self.init(Array(text.utf8), kind, at: offset, length: length, message)
    }

    var testDescription: String { DifferentialTally.show(line) }

    static let all: [ErrorLocation] = [
        // Strings: an unterminated one is reported from its opening quote to the end of the line.
        .init(#"{"a": "abc"#, at: 6, length: 4, #"unterminated string: expected '"' before the end of the line"#),
        .init("[\"a\tb\"]", at: 3, length: 1, #"control character a tab (U+0009) in string; write it as an escape such as \t"#),
        .init([0x5B, 0x22, 0x00, 0x22, 0x5D], at: 2, length: 1, #"control character NUL (U+0000) in string; write it as an escape such as \u0000"#),
        // Escapes are reported from their backslash.
        .init(#"["\x"]"#, at: 2, length: 2, #"invalid escape '\x'; valid escapes are \" \\ \/ \b \f \n \r \t \uXXXX"#),
        .init(#"["\u12G4"]"#, at: 2, length: 5, #"invalid \u escape: expected four hexadecimal digits"#),
        .init(#"["\uDC00"]"#, at: 2, length: 6, #"lone low surrogate \uDC00: it must follow a high surrogate"#),
        .init(#"["\uD800x"]"#, at: 2, length: 6, #"lone high surrogate \uD800: it must be followed by a low surrogate escape"#),
        .init(#"["\uD800\u0041"]"#, at: 2, length: 6, #"lone high surrogate \uD800: it must be followed by a low surrogate, not \u0041"#),
        // UTF-8 is reported from the first byte of the bad sequence, over the bytes that were read.
        .init([0x5B, 0x22, 0x61, 0xC3, 0x28, 0x22, 0x5D], .encoding, at: 3, length: 1,
              "invalid UTF-8: byte 0xC3 starts a 2-byte character but 0x28 follows it (is the file Latin-1 or Windows-1252?)"),
        .init([0x22, 0xE0, 0x80, 0xAF, 0x22], .encoding, at: 1, length: 1,
              "invalid UTF-8: byte 0xE0 starts a 3-byte character but 0x80 follows it (is the file Latin-1 or Windows-1252?)"),
        .init([0x22, 0xE2, 0x82], .encoding, at: 1, length: 2, "invalid UTF-8: the line ends inside a character"),
        .init([0x22, 0xFF, 0x22], .encoding, at: 1, length: 1, "invalid UTF-8: byte 0xFF cannot start a character"),
        // Literals and numbers.
        .init("[tru]", at: 1, length: 3, "invalid literal 'tru'; expected true"),
        .init("[01]", at: 2, length: 1, "expected ',' or ']' after array element, found '1'"),
        .init("[1.]", at: 3, length: 1, "expected a digit after '.', found ']'"),
        .init("[-]", at: 2, length: 1, "expected a digit after '-', found ']'"),
        .init("1e", at: 2, length: 0, "expected a digit in the exponent, found the end of the line"),
        .init("[NaN]", at: 1, length: 1, "expected a JSON value, found 'N'"),
        // Structure: the offending token, or the end of the line with length 0.
        .init("", at: 0, length: 0, "expected a JSON value, found the end of the line"),
        .init("[1,]", at: 3, length: 1, "expected a JSON value, found ']'"),
        .init(#"{"a":1,}"#, at: 7, length: 1, #"expected '"' to start an object key, found '}'"#),
        .init(#"{"a" 1}"#, at: 5, length: 1, "expected ':' after object key, found '1'"),
        .init(#"["a""#, at: 4, length: 0, "expected ',' or ']' after array element, found the end of the line"),
        .init(#"{"a":1} x"#, at: 8, length: 1, "expected the end of the line after the JSON value, found 'x'"),
        // White space JSON does not know: the whole character is the token.
        .init([0x5B, 0x0C, 0x31, 0x5D], at: 1, length: 1, "expected a JSON value, found U+000C"),
        .init([0x5B, 0xC2, 0xA0, 0x31, 0x5D], at: 1, length: 2, "expected a JSON value, found '\u{A0}'"),
        .init([0xEF, 0xBB, 0xBF, 0x7B, 0x7D], at: 0, length: 3, "expected a JSON value, found '\u{FEFF}'"),
        // Depth: the bracket that opens level 2049.
        .init(String(repeating: "[", count: 2049), .depth, at: 2048, length: 1, "nesting deeper than 2048 levels"),
    ]
}

@Test(arguments: ErrorLocation.all)
func errorsPointAtTheOffendingBytes(_ expected: ErrorLocation) throws {
    var scanner = RecordScanner()
    let error = try #require(scanner.scan(expected.line).syntaxError)
    #expect(error.kind == expected.kind)
    #expect(error.offset == expected.offset)
    #expect(error.length == expected.length)
    #expect(error.message == expected.message)
}
