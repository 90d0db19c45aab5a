@testable import PIIStage
import RecordScanner
import Testing

private func decoded(_ line: String, node: Int = 2) -> (DecodedString, [UInt8]) {
    var scanner = RecordScanner()
    let record = scanner.scan(Array(line.utf8))
    return (DecodedString(record: record, node: node), Array(line.utf8))
}

/// The raw text that decoded bytes `range` came from.
private func raw(_ decoded: DecodedString, _ line: [UInt8], _ range: Range<Int>) -> String {
    String(decoding: line[decoded.rawSpan(of: range)], as: UTF8.self)
}

@Test func stringWithoutEscapesMapsByShift() {
    let (string, line) = decoded(#"{"a": "mail bob@x.org"}"#)
    #expect(Array(string.text) == Array("mail bob@x.org".utf8))
    #expect(raw(string, line, 5..<14) == "bob@x.org")
}

@Test func newlineAndQuoteEscapesShiftLaterOffsets() {
    let (string, line) = decoded(#"{"a": "x\n\"bob@x.org\"\n"}"#)
    #expect(String(decoding: string.text, as: UTF8.self) == "x\n\"bob@x.org\"\n")
    #expect(raw(string, line, 3..<12) == "bob@x.org")
    // A range that includes an escape covers the whole escape.
    #expect(raw(string, line, 1..<3) == #"\n\""#)
}

@Test func unicodeEscapeIsOneCharacterOfTwoBytes() {
    let (string, line) = decoded(#"{"a": "caf\u00e9 bob@x.org"}"#)
    #expect(String(decoding: string.text, as: UTF8.self) == "café bob@x.org")
    #expect(raw(string, line, 3..<5) == #"\u00e9"#)
    #expect(raw(string, line, 6..<15) == "bob@x.org")
}

@Test func surrogatePairInsideAndAroundAHit() {
    let (string, line) = decoded(#"{"a": "\ud83d\ude00a\ud83d\ude00b\ud83d\ude00"}"#)
    #expect(String(decoding: string.text, as: UTF8.self) == "😀a😀b😀")
    #expect(raw(string, line, 4..<10) == #"a\ud83d\ude00b"#)
    #expect(raw(string, line, 0..<4) == #"\ud83d\ude00"#)
    #expect(raw(string, line, 10..<14) == #"\ud83d\ude00"#)
}

@Test func rawUTF8IsCopiedByteForByte() {
    let (string, line) = decoded(#"{"a": "é\tbob@x.org"}"#)
    #expect(raw(string, line, 0..<2) == "é")
    #expect(raw(string, line, 3..<12) == "bob@x.org")
}

@Test func consecutiveEscapesAndAnEscapeFirstMapEachToTheirOwnBytes() {
    let (string, line) = decoded(#"{"a": "\t\n\u00e9\u00e9bob@x.org\\\/"}"#)
    #expect(String(decoding: string.text, as: UTF8.self) == "\t\néébob@x.org\\/")
    #expect(raw(string, line, 0..<1) == #"\t"#)
    #expect(raw(string, line, 2..<6) == #"\u00e9\u00e9"#)
    #expect(raw(string, line, 6..<15) == "bob@x.org")
    #expect(raw(string, line, 15..<17) == #"\\\/"#)
    #expect(raw(string, line, 17..<17) == "")
}
