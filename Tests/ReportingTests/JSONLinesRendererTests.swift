import DatasetText
import Diagnostics
import Foundation
import Reporting
import Testing

private let emojiLine = SampleLine(#"{"text":"😀","role":"bot"}"#, line: 4)

/// Parses each output line back with Foundation, requiring every line to be one JSON object.
private func parsedLines(_ output: String) throws -> [[String: Any]] {
    #expect(output.hasSuffix("\n"))
    return try output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return try #require(object)
    }
}

@Test func jsonLineHasTheLocationInUTF8Columns() throws {
    let output = JSONLinesRenderer(columns: .utf8).line(for: emojiLine.diagnostic(#""bot""#, message: "m"))
    let object = try #require(try parsedLines(output).first)
    #expect(object["file"] as? String == "data/train.jsonl")
    #expect(object["line"] as? Int == 5)
    #expect(object["column"] as? Int == 23)
    #expect(object["endLine"] as? Int == 5)
    #expect(object["endColumn"] as? Int == 28)
    #expect(object["severity"] as? String == "error")
    #expect(object["code"] as? String == "format/unknown-role")
    #expect(object["message"] as? String == "m")
}

@Test func jsonLineHasTheLocationInUTF16Columns() throws {
    let output = JSONLinesRenderer(columns: .utf16).line(for: emojiLine.diagnostic(#""bot""#))
    let object = try #require(try parsedLines(output).first)
    #expect(object["line"] as? Int == 5)
    #expect(object["column"] as? Int == 21)
    #expect(object["endColumn"] as? Int == 26)
}

@Test func jsonLineKeepsTheSpecifiedFieldOrder() {
    let output = JSONLinesRenderer().line(for: emojiLine.diagnostic(#""bot""#, severity: .hint, message: "m"))
    #expect(output == #"""
        {"file":"data/train.jsonl","line":5,"column":23,"endLine":5,"endColumn":28,"severity":"hint","code":"format/unknown-role","message":"m"}

        """#)
}

@Test func jsonLineLeavesOutEmptyRelatedAndFixes() throws {
    let object = try #require(try parsedLines(JSONLinesRenderer().line(for: emojiLine.diagnostic("bot"))).first)
    #expect(object["related"] == nil)
    #expect(object["fixes"] == nil)
}

@Test(arguments: [PositionEncoding.utf8, .utf16])
func jsonLineListsRelatedInformationAndFixes(columns: PositionEncoding) throws {
    let emojiStart = emojiLine.range(of: "😀")
    let diagnostic = emojiLine.diagnostic(
        #""bot""#,
        related: [
            RelatedInformation(range: emojiStart, message: "same line"),
            RelatedInformation(file: "other.jsonl", range: .columns(line: 0, utf8: 6..<9, utf16: 3..<4),
                               message: "elsewhere"),
        ],
        fixes: [Fix(title: "use \"assistant\"", edits: [TextEdit(range: emojiLine.range(of: "bot"), newText: "assistant")])])
    let object = try #require(try parsedLines(JSONLinesRenderer(columns: columns).line(for: diagnostic)).first)
    let related = try #require(object["related"] as? [[String: Any]])
    #expect(related.count == 2)
    #expect(related[0]["file"] as? String == "data/train.jsonl")
    #expect(related[0]["line"] as? Int == 5)
    #expect(related[0]["column"] as? Int == 10)
    #expect(related[0]["message"] as? String == "same line")
    #expect(related[1]["file"] as? String == "other.jsonl")
    #expect(related[1]["line"] as? Int == 1)
    #expect(related[1]["column"] as? Int == (columns == .utf8 ? 7 : 4))

    let fixes = try #require(object["fixes"] as? [[String: Any]])
    #expect(fixes.count == 1)
    #expect(fixes[0]["title"] as? String == "use \"assistant\"")
    let edits = try #require(fixes[0]["edits"] as? [[String: Any]])
    #expect(edits.count == 1)
    #expect(edits[0]["line"] as? Int == 5)
    #expect(edits[0]["column"] as? Int == (columns == .utf8 ? 24 : 22))
    #expect(edits[0]["endLine"] as? Int == 5)
    #expect(edits[0]["endColumn"] as? Int == (columns == .utf8 ? 27 : 25))
    #expect(edits[0]["newText"] as? String == "assistant")
}

@Test func jsonLinesStayOneLinePerDiagnosticWhateverTheMessageHolds() throws {
    let nasty = "line one\nline two\r\n\t\"quoted\" \\ \u{0}\u{1B}[31m 日本 👨‍👩‍👧 \u{2028}"
    let diagnostics = [
        emojiLine.diagnostic("bot", message: nasty, file: "we\"ird\\path\n.jsonl"),
        emojiLine.diagnostic("role", message: "second",
                             fixes: [Fix(title: nasty, edits: [TextEdit(range: emojiLine.endRange, newText: nasty)])]),
    ]
    let output = rendered(diagnostics, with: JSONLinesRenderer(), summary: CheckSummary())
    let objects = try parsedLines(output)
    #expect(objects.count == 2)
    #expect(objects[0]["message"] as? String == nasty)
    #expect(objects[0]["file"] as? String == "we\"ird\\path\n.jsonl")
    let fix = try #require((objects[1]["fixes"] as? [[String: Any]])?.first)
    #expect(fix["title"] as? String == nasty)
    #expect((fix["edits"] as? [[String: Any]])?.first?["newText"] as? String == nasty)
}

@Test func jsonLinesFinishWritesNoSummary() {
    var summary = CheckSummary()
    summary.files = 1
    summary.count(.error)
    #expect(rendered([], with: JSONLinesRenderer(), summary: summary).isEmpty)
}
