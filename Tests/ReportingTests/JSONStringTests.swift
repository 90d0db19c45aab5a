import Foundation
@testable import Reporting
import Testing

/// Parses a JSON string literal back with Foundation, the way a consumer would.
private func parsedBack(_ literal: String) throws -> String? {
    let document = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [Any]
    return document?.first as? String
}

@Test func jsonStringEscapesQuotesBackslashesAndNamedControls() {
    #expect(JSONString.quoted("a\"b\\c/d\n\r\t\u{8}\u{C}") == #""a\"b\\c/d\n\r\t\b\f""#)
}

@Test func jsonStringEscapesOtherControlsAsUnicodeEscapes() {
    #expect(JSONString.quoted("\u{0}\u{1}\u{1F}\u{1B}") == #""\u0000\u0001\u001f\u001b""#)
}

@Test func jsonStringKeepsNonASCIITextAsUTF8() {
    #expect(JSONString.quoted("日本 😀 e\u{301} \u{2028} \u{7F}") == "\"日本 😀 e\u{301} \u{2028} \u{7F}\"")
}

@Test func jsonStringOfAnEmptyStringIsTwoQuotes() {
    #expect(JSONString.quoted("") == "\"\"")
}

@Test func jsonStringRoundTripsEveryControlCharacterThroughJSONSerialization() throws {
    let controls = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar($0)! }))
    let text = "start \(controls) \"quoted\" back\\slash 日本語 👨‍👩‍👧 \u{2028}\u{2029} \u{7F}\u{85} end"
    #expect(try parsedBack(JSONString.quoted(text)) == text)
}

@Test(arguments: ["", "\\", "\"", "\\\"", "\n\n", "ascii only", "\u{0}", "ends with \\", "😀\"😀"])
func jsonStringRoundTrips(text: String) throws {
    #expect(try parsedBack(JSONString.quoted(text)) == text)
}

@Test func jsonStringAppendsAfterExistingBytes() {
    var output = Array("x=".utf8)
    JSONString.append("a\"b", to: &output)
    #expect(String(decoding: output, as: UTF8.self) == #"x="a\"b""#)
}
