import Diagnostics
@testable import PIIStage
import Testing

@Test func emailAtARealDomainIsAWarning() {
    guard let (diagnostic, text) = single("write to john.smith@gmail.com, please") else { return }
    #expect(diagnostic.code == PIICode.email.code)
    #expect(diagnostic.severity == .warning)
    #expect(text == "john.smith@gmail.com")
    #expect(diagnostic.message.contains("j***@gmail.com"))
    #expect(!diagnostic.message.contains("john.smith"))
}

@Test func emailAtAReservedDomainIsInfo() {
    for address in ["jane@example.com", "ops@mail.example.org", "a@foo.test", "root@localhost.localhost"] {
        guard let (diagnostic, text) = single("contact \(address)") else { continue }
        #expect(diagnostic.severity == .info)
        #expect(text == address)
    }
}

@Test func emailWithInternationalizedDomainIsReported() {
    guard let (_, text) = single("schreib an max@bücher.de bitte") else { return }
    #expect(text == "max@bücher.de")
}

@Test func emailAtTheEndOfASentenceStopsBeforeTheDot() {
    guard let (_, text) = single("Mail max.mustermann@web.de.") else { return }
    #expect(text == "max.mustermann@web.de")
}

@Test func nonEmailsWithAtSignsAreNotReported() {
    #expect(codes("logo@2x.png and icon@3x.png") == [])
    #expect(codes("@decorator and a@b") == [])
    #expect(codes("npm i @scope/pkg@1.2.3") == [])
    #expect(codes("printer@office.local") == [])
    #expect(codes("a..b@gmail.com") == [])
    #expect(codes("git clone git@github.com:org/repo.git") == [])
}

@Test func emailBehindEscapesHasItsExactRawRange() {
    let line = #"{"text": "caf\u00e9\n\"max@web.de\"\ud83d\ude00"}"#
    let found = check(line)
    #expect(found.count == 1)
    guard let diagnostic = found.first else { return }
    #expect(covered(diagnostic, in: line) == "max@web.de")
    // UTF-16 columns count the escapes' raw characters, which are ASCII.
    #expect(diagnostic.range.start.utf16Column == diagnostic.range.start.utf8Column)
    #expect(applyingFix(diagnostic, to: line) == #"{"text": "caf\u00e9\n\"[EMAIL]\"\ud83d\ude00"}"#)
}

@Test func emailAfterRawMultibyteTextHasUTF16Columns() {
    let line = #"{"text": "😀 max@web.de"}"#
    guard let diagnostic = check(line).first else { Issue.record("no hit"); return }
    #expect(diagnostic.range.start.utf8Column == 15)
    #expect(diagnostic.range.start.utf16Column == 13)
}

/// Vectorscan 5.4.9 can miss a match in the last bytes of a buffer, depending on where the buffer ends; an
/// address at the very end of a string of any length is found.
@Test func emailAtTheEndOfAStringOfAnyLengthIsReported() {
    for length in 0..<64 {
        let text = String(repeating: "a", count: length) + " write to rachael35@wallace.com"
        #expect(codes(text) == ["pii/email"], "prefix of \(length)")
    }
}

@Test func addressAfterAnSSHRemoteInTheSameStringIsReported() {
    let text = #"Clone ssh://git@patel.net/team/project.git She wrote: "Please send the invoice to nakamuramanabu@hotmail.com before Friday." Sunt"#
    #expect(check(chat(text)).contains { $0.message.contains("n***@hotmail.com") })
}

@Test func userOfAURLIsNotAnEmailAddress() {
    #expect(codes("Clone ssh://git@patel.net/team/project.git now") == [])
    #expect(codes("URL: https://waltonjose@davis-brown.com/repo.git") == [])
    #expect(codes("mailto:waltonjose@davis-brown.com") == ["pii/email"])
}
