import Jansson
import RecordScanner
import Testing

/// The examples of docs/scanner.md's table of differences from jansson, and the near misses on each side
/// of every rule, so the model is shown to be exactly as wide as the difference and no wider.
struct DifferenceExample: CustomTestStringConvertible, Sendable {
    let line: [UInt8]
    let scannerAccepts: Bool
    let janssonAccepts: Bool
    let differences: [DocumentedDifference]

    init(_ line: [UInt8], scanner: Bool, jansson: Bool, _ differences: [DocumentedDifference] = []) {
        self.line = line
        scannerAccepts = scanner
        janssonAccepts = jansson
        self.differences = differences
    }

    init(_ text: String, scanner: Bool, jansson: Bool, _ differences: [DocumentedDifference] = []) {
        self.init(Array(text.utf8), scanner: scanner, jansson: jansson, differences)
    }

    var testDescription: String { DifferentialTally.show(line) }

    private static func nested(_ depth: Int, around leaf: String) -> String {
        String(repeating: "[", count: depth) + leaf + String(repeating: "]", count: depth)
    }

    static let all: [DifferenceExample] = [
        // Integers: jansson's range is Int64.
        .init("9223372036854775807", scanner: true, jansson: true),
        .init("-9223372036854775808", scanner: true, jansson: true),
        .init(#"{"id": 9223372036854775808}"#, scanner: true, jansson: false, [.integerBeyondInt64]),
        .init("[-9223372036854775809]", scanner: true, jansson: false, [.integerBeyondInt64]),
        .init("9223372036854775808.0", scanner: true, jansson: true),
        // Reals: overflow fails in jansson, underflow does not.
        .init("1.7976931348623157e308", scanner: true, jansson: true),
        .init(#"{"loss": 1e400}"#, scanner: true, jansson: false, [.realBeyondDouble]),
        .init("[-1.7976931348623159e308]", scanner: true, jansson: false, [.realBeyondDouble]),
        .init("1e-400", scanner: true, jansson: true),
        .init("0e99999", scanner: true, jansson: true),
        // Depth: jansson counts the scalar at the bottom as a level, the scanner counts containers.
        .init(nested(2047, around: "1"), scanner: true, jansson: true),
        .init(nested(2048, around: ""), scanner: true, jansson: true),
        .init(nested(2048, around: "1"), scanner: true, jansson: false, [.scalarInsideDeepestContainer]),
        .init(nested(2047, around: #"{"k":"v"}"#), scanner: true, jansson: false, [.scalarInsideDeepestContainer]),
        .init(nested(2048, around: "[]"), scanner: false, jansson: false),
        // NUL: allowed in values by both (JSON_ALLOW_NUL), refused in keys by jansson.
        .init(#"{"text": "a\u0000b"}"#, scanner: true, jansson: true),
        .init(#"{"a\u0000b": 1}"#, scanner: true, jansson: false, [.nulEscapeInKey]),
        .init(#"{"ok": {"\u0000": 1}}"#, scanner: true, jansson: false, [.nulEscapeInKey]),
        // A raw NUL right after a number or literal: jansson loses it and reads on.
        .init([0x31, 0x00], scanner: false, jansson: true, [.nulByteAfterToken]),
        .init(Array(#"{"a": true"#.utf8) + [0x00] + Array("}".utf8), scanner: false, jansson: true, [.nulByteAfterToken]),
        .init(Array("[1.5e3".utf8) + [0x00] + Array(",null".utf8) + [0x00] + Array("]".utf8),
              scanner: false, jansson: true, [.nulByteAfterToken]),
        .init([0x31, 0x00, 0x00], scanner: false, jansson: false),
        .init([0x31, 0x00, 0x32], scanner: false, jansson: false),
        .init([0x31, 0x20, 0x00], scanner: false, jansson: false),
        .init(Array(#""a""#.utf8) + [0x00], scanner: false, jansson: false),
        .init(Array("[]".utf8) + [0x00], scanner: false, jansson: false),
        .init(Array("[1e".utf8) + [0x00] + Array("]".utf8), scanner: false, jansson: false),
        .init(Array("[tru".utf8) + [0x00] + Array("e]".utf8), scanner: false, jansson: false),
        .init(Array("[1".utf8) + [0x00] + Array(" 99999999999999999999]".utf8), scanner: false, jansson: false),
        .init(Array("[99999999999999999999".utf8) + [0x00] + Array("]".utf8), scanner: false, jansson: false),
    ]
}

@Test(arguments: DifferenceExample.all)
func documentedDifferencesAreExactlyWhereTheModelSaysTheyAre(_ example: DifferenceExample) {
    var scanner = RecordScanner()
    let record = scanner.scan(example.line)
    #expect((record.syntaxError == nil) == example.scannerAccepts)
    #expect(JanssonParser.accepts(example.line) == example.janssonAccepts)
    let prediction = JanssonVerdictModel.predict(example.line, scanned: record, scanner: &scanner)
    #expect(prediction.janssonAccepts == example.janssonAccepts)
    #expect(prediction.differences == example.differences)
}
