import Checker
import DatasetText
import Diagnostics
import Testing

@Suite struct FixApplierTests {
    func position(_ line: Int, _ column: Int) -> SourcePosition {
        SourcePosition(line: line, utf8Column: column, utf16Column: column)
    }

    func fix(_ line: Int, _ from: Int, _ to: Int, _ text: String) -> Fix {
        Fix(title: "t", edits: [TextEdit(range: SourceRange(start: position(line, from), end: position(line, to)), newText: text)])
    }

    @Test func editsApplyFromTheEndSoEarlierOffsetsStayValid() {
        let text = "abc def\nghi\n"
        let outcome = FixApplier.apply([fix(0, 0, 3, "ABCD"), fix(0, 4, 7, "X"), fix(1, 0, 3, "")], to: Array(text.utf8))
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "ABCD X\n\n")
        #expect(outcome.applied == 3)
    }

    @Test func overlappingFixesKeepTheFirstAndSkipTheRest() {
        let outcome = FixApplier.apply([fix(0, 0, 5, "A"), fix(0, 3, 7, "B")], to: Array("0123456789".utf8))
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "A56789")
        #expect(outcome.skipped == 1)
    }

    @Test func deletingAWholeLineRemovesItsLineEnding() {
        let deletion = Fix(title: "Delete the empty line", edits: [TextEdit(
            range: SourceRange(start: position(1, 0), end: position(2, 0)), newText: "")])
        let outcome = FixApplier.apply([deletion], to: Array("a\n\nb\n".utf8))
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "a\nb\n")
    }

    @Test func multibyteColumnsAreBytes() {
        let text = "é👋 role"
        let outcome = FixApplier.apply([fix(0, 7, 11, "ROLE")], to: Array(text.utf8))
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "é👋 ROLE")
    }
}
