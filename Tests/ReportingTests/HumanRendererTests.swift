import DatasetText
import Diagnostics
@testable import Reporting
import Testing

private let unknownRole = SampleLine(#"{"messages":[{"role":"assitant","content":"hi"}]}"#, line: 2)
private let unknownRoleMessage = #"unknown role "assitant"; did you mean "assistant"?"#

private func gutterless(_ spaces: Int, _ carets: Int) -> String {
    "      | " + String(repeating: " ", count: spaces) + String(repeating: "^", count: carets) + "\n"
}

@Test func humanOutputShowsLocationExcerptAndUnderline() {
    let output = HumanRenderer().render(unknownRole.diagnostic(#""assitant""#, message: unknownRoleMessage))
    #expect(output == #"""
        data/train.jsonl:3:22: error[format/unknown-role]: unknown role "assitant"; did you mean "assistant"?
            3 | {"messages":[{"role":"assitant","content":"hi"}]}
              |                      ^^^^^^^^^^

        """#)
}

@Test func humanOutputColoursTheSeverityAndUnderlineWhenAsked() {
    let output = HumanRenderer(useColor: true).render(
        unknownRole.diagnostic(#""assitant""#, message: unknownRoleMessage))
    let red = "\u{1B}[1;31m", reset = "\u{1B}[0m"
    #expect(output == """
        data/train.jsonl:3:22: \(red)error[format/unknown-role]\(reset): \(unknownRoleMessage)
            3 | {"messages":[{"role":"assitant","content":"hi"}]}
              | \(String(repeating: " ", count: 21))\(red)^^^^^^^^^^\(reset)

        """)
}

@Test(arguments: [
    (Severity.warning, "\u{1B}[1;33m"), (.info, "\u{1B}[1;34m"), (.hint, "\u{1B}[1;34m"), (.error, "\u{1B}[1;31m"),
])
func humanOutputColoursEachSeverity(severity: Severity, colour: String) {
    let output = HumanRenderer(useColor: true).render(
        unknownRole.diagnostic("role", severity: severity, withExcerpt: false))
    #expect(output == "data/train.jsonl:3:16: \(colour)\(severity.rawValue)[format/unknown-role]\u{1B}[0m: problem\n")
}

@Test func humanOutputWithoutColourHasNoEscapeSequences() {
    let diagnostic = unknownRole.diagnostic(
        #""assitant""#, severity: .warning,
        related: [RelatedInformation(range: unknownRole.range(of: "messages"), message: "here")],
        fixes: [Fix(title: "fix it", edits: [])])
    #expect(!HumanRenderer(useColor: false).render(diagnostic).contains("\u{1B}"))
}

@Test func humanOutputUnderlinesTheRangeAfterAnEmoji() {
    let line = SampleLine(#"{"text":"😀","role":"bot"}"#)
    let diagnostic = line.diagnostic(#""bot""#)
    // `{"text":"` is 9 cells, the emoji 2, `","role":` 9; in bytes the emoji is 4, in UTF-16 units 2.
    #expect(HumanRenderer(columns: .utf8).render(diagnostic) == """
        data/train.jsonl:1:23: error[format/unknown-role]: problem
            1 | {"text":"😀","role":"bot"}

        """ + gutterless(20, 5))
    #expect(HumanRenderer(columns: .utf16).render(diagnostic).hasPrefix("data/train.jsonl:1:21: error"))
}

@Test func humanOutputUnderlinesTheRangeAfterCJKText() {
    let line = SampleLine(#"{"text":"日本語","role":"bot"}"#)
    let output = HumanRenderer(columns: .utf8).render(line.diagnostic(#""bot""#))
    // Each ideograph is 3 bytes, 1 UTF-16 unit and 2 cells.
    #expect(output == """
        data/train.jsonl:1:28: error[format/unknown-role]: problem
            1 | {"text":"日本語","role":"bot"}

        """ + gutterless(24, 5))
    #expect(HumanRenderer(columns: .utf16).render(line.diagnostic(#""bot""#)).hasPrefix("data/train.jsonl:1:22:"))
}

@Test func humanOutputUnderlinesWideTextAsTwoCellsPerCharacter() {
    let line = SampleLine(#"{"text":"東京 👨‍👩‍👧 ok"}"#)
    let output = HumanRenderer().render(line.diagnostic("東京 👨‍👩‍👧"))
    // 2 + 2 cells of ideographs, a space, and a ZWJ family drawn as one 2-cell glyph.
    #expect(output.hasSuffix(gutterless(9, 7)))
}

@Test func humanOutputExpandsTabsSoTheUnderlineStaysAligned() {
    let line = SampleLine("{\t\"role\":\"bot\"}")
    let output = HumanRenderer().render(line.diagnostic(#""bot""#))
    #expect(output == """
        data/train.jsonl:1:10: error[format/unknown-role]: problem
            1 | {    "role":"bot"}
              |             ^^^^^

        """)
}

@Test func humanOutputMarksWhereTheExcerptWasCut() {
    let shown = #"tent":"x","role":"assitant","con"#
    let offset = shown.utf8.count - #""assitant","con"#.utf8.count
    let range = SourceRange.columns(line: 40, utf8: (1000 + offset)..<(1010 + offset),
                                    utf16: (900 + offset)..<(910 + offset))
    let diagnostic = FileDiagnostic(
        file: "big.jsonl",
        diagnostic: Diagnostic(code: "format/unknown-role", severity: .error, message: "unknown role", range: range),
        excerpt: SourceExcerpt(text: shown, startColumn: 1000, isCutBefore: true, isCutAfter: true))
    #expect(HumanRenderer().render(diagnostic) == #"""
        big.jsonl:41:1018: error[format/unknown-role]: unknown role
           41 | …tent":"x","role":"assitant","con…
              |                   ^^^^^^^^^^

        """#)
}

@Test func humanOutputUnderlinesOnlyTheVisiblePartOfARangeThatStartsBeforeACut() {
    let shown = #"abc","role":"x"}"#
    let range = SourceRange.columns(line: 0, utf8: 10..<22, utf16: 10..<22)
    let diagnostic = FileDiagnostic(
        file: "a.jsonl",
        diagnostic: Diagnostic(code: "format/x", severity: .warning, message: "m", range: range),
        excerpt: SourceExcerpt(text: shown, startColumn: 15, isCutBefore: true, isCutAfter: false))
    #expect(HumanRenderer().render(diagnostic).hasSuffix("""
            1 | …abc","role":"x"}
              |  ^^^^^^^

        """))
}

@Test func humanOutputListsRelatedNotesAndFixHelp() {
    let line = SampleLine(#"{"id":7,"id":8}"#, line: 9)
    let diagnostic = line.diagnostic(
        #""id":8"#, code: "format/duplicate-key", severity: .warning, message: #"duplicate key "id""#,
        related: [
            RelatedInformation(range: line.range(of: #""id":7"#), message: "first defined here"),
            RelatedInformation(file: "other.jsonl", range: .columns(line: 4, utf8: 2..<6, utf16: 1..<5),
                               message: "same record"),
        ],
        fixes: [Fix(title: "remove the duplicate key", edits: [TextEdit(range: line.range(of: #","id":8"#), newText: "")])])
    #expect(HumanRenderer(columns: .utf16).render(diagnostic) == #"""
        data/train.jsonl:10:9: warning[format/duplicate-key]: duplicate key "id"
           10 | {"id":7,"id":8}
              |         ^^^^^^
          note: data/train.jsonl:10:2: first defined here
          note: other.jsonl:5:2: same record
          help: remove the duplicate key

        """#)
}

@Test func humanOutputUnderlinesAMultiLineRangeToTheEndOfItsFirstLine() {
    let line = SampleLine(#"{"text":"unterminated"#)
    var range = line.range(of: #""unterminated"#)
    range.end = SourcePosition(line: 3, utf8Column: 2, utf16Column: 2)
    let diagnostic = FileDiagnostic(
        file: "a.jsonl", diagnostic: Diagnostic(code: "format/x", severity: .error, message: "m", range: range),
        excerpt: line.excerpt)
    #expect(HumanRenderer().render(diagnostic).hasSuffix(gutterless(8, 13)))
}

@Test func humanOutputPutsOneCaretAfterTheTextForAnEmptyRangeAtTheEnd() {
    let line = SampleLine(#"{"a":1"#)
    let diagnostic = FileDiagnostic(
        file: "a.jsonl",
        diagnostic: Diagnostic(code: "format/truncated", severity: .error, message: "expected }",
                               range: line.endRange),
        excerpt: line.excerpt)
    #expect(HumanRenderer().render(diagnostic) == """
        a.jsonl:1:7: error[format/truncated]: expected }
            1 | {"a":1
              |       ^

        """)
}

@Test func humanOutputWithoutAnExcerptIsOneLine() {
    let output = HumanRenderer().render(unknownRole.diagnostic("role", withExcerpt: false))
    #expect(output == "data/train.jsonl:3:16: error[format/unknown-role]: problem\n")
}

@Test func humanOutputWidensTheGutterForLongLineNumbers() {
    let line = SampleLine(#"{"a":1}"#, line: 1_234_566)
    #expect(HumanRenderer().render(line.diagnostic("1")).hasSuffix("""
        1234567 | {"a":1}
                |      ^

        """))
}

@Test func humanOutputDrawsControlCharactersInsteadOfSendingThemToTheTerminal() {
    let line = SampleLine("{\"a\":\"\u{1B}[2J\",\"b\":1}")
    let diagnostic = line.diagnostic(#""b""#, message: "bad \u{1B}[31mred\nnext")
    #expect(HumanRenderer().render(diagnostic) == """
        data/train.jsonl:1:13: error[format/unknown-role]: bad ␛[31mred␊next
            1 | {"a":"␛[2J","b":1}

        """ + gutterless(12, 3))
}

@Test func humanOutputLinesUpAfterInvalidBytesDecodedAsReplacementCharacters() {
    // The line's bytes are `{"a":"` 0xFF 0xFE `","b":1}`: each invalid byte is one column in both units and
    // 3 bytes once decoded, so the excerpt's own UTF-8 offsets would put the caret 4 cells too far right.
    let range = SourceRange.columns(line: 0, utf8: 10..<13, utf16: 10..<13)
    let diagnostic = FileDiagnostic(
        file: "a.jsonl",
        diagnostic: Diagnostic(code: "encoding/invalid-utf8", severity: .error, message: "m", range: range),
        excerpt: SourceExcerpt(text: "{\"a\":\"\u{FFFD}\u{FFFD}\",\"b\":1}", startColumn: 0,
                               isCutBefore: false, isCutAfter: false))
    #expect(HumanRenderer().render(diagnostic).hasSuffix(gutterless(10, 3)))
}

@Test func humanReportEndsWithTheSummaryAfterABlankLine() {
    var summary = CheckSummary()
    summary.files = 1
    summary.records = 3
    summary.count(.error)
    let output = rendered([unknownRole.diagnostic("role", withExcerpt: false)], with: HumanRenderer(),
                          summary: summary)
    #expect(output == """
        data/train.jsonl:3:16: error[format/unknown-role]: problem

        checked 1 file, 3 records: 1 error

        """)
}

@Test func humanReportWithoutDiagnosticsIsOnlyTheSummary() {
    var summary = CheckSummary()
    summary.files = 2
    summary.records = 10
    #expect(rendered([], with: HumanRenderer(), summary: summary) == "no problems found in 2 files, 10 records\n")
}
