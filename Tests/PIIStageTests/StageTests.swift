import Diagnostics
@testable import PIIStage
import MultiPatternScanning
import RecordScanner
import Testing

@Test func patternsCompileAndEveryDetectorHasATrigger() throws {
    _ = try PatternDatabase(Trigger.all.enumerated().map { Pattern(id: UInt32($0.offset), expression: $0.element.expression) })
    for detector in Detector.allCases {
        _ = try PatternDatabase([Pattern(id: 0, expression: detector.precise, flags: [.leftmostStart])])
        #expect(Trigger.all.contains { $0.detectors.contains(detector) }, "\(detector) has no trigger")
    }
}

@Test func recordWithoutPIIProducesNothing() {
    let line = #"{"messages": [{"role": "system", "content": "You are helpful."}, {"role": "user", "content": "What is 12 * 34? Also explain v1.2.3 and the time 12:30:45, order #4711-2024, ISBN 978-0-306-40615-7, UUID 123e4567-e89b-12d3-a456-426614174000, and std::map."}, {"role": "assistant", "content": "12 * 34 = 408. Call @decorator, read section 3.1.4.1, 2024-01-15T10:20:30Z, `x = a[1::2]`.", "weight": 1}]}"#
    #expect(check(line).isEmpty)
}

@Test func keysAreNotScannedButEveryStringValueIs() {
    let line = #"{"jane@gmail.com": 1, "chosen": "jane@gmail.com", "rejected": ["x", {"deep": "AKIAZ3MLQW7TRX5PBN2Q"}]}"#
    let found = check(line)
    #expect(found.map(\.code.rawValue) == ["pii/email", "secret/aws-access-key"])
    #expect(found.first?.range.start.utf8Column == 33)
}

@Test func invalidJSONIsLeftToTheFormatStage() {
    var scanner = RecordScanner()
    let record = scanner.scan(Array(#"{"text": "jane@gmail.com""#.utf8))
    var diagnostics: [Diagnostic] = []
    _ = PIIStage().check(record, into: &diagnostics)
    #expect(diagnostics.isEmpty)
}

@Test func everyFixReplacesOnlyTheHitWithItsPlaceholder() {
    let text = "mail jane@gmail.com, card 4539 1488 0343 6467, key \(Fake.github), ip 81.2.69.160"
    let line = chat(text)
    let found = check(line)
    #expect(found.map(\.code.rawValue) == ["pii/email", "pii/payment-card", "secret/github-token", "pii/ip-address"])
    var fixed = line
    for diagnostic in found.reversed() { fixed = applyingFix(diagnostic, to: fixed) }
    #expect(fixed == chat("mail [EMAIL], card [CARD], key [SECRET], ip [IP]"))
    #expect(check(fixed).isEmpty)
}

@Test func severalHitsInOneStringAreAllReported() {
    let found = check(chat("a@gmail.com b@gmail.com\nc@web.de"))
    #expect(found.count == 3)
}

@Test func codesHaveDocumentedDefaults() {
    #expect(PIIStage().codes.count == PIICode.allCases.count)
    #expect(PIICode.email.defaultSeverity == .warning)
    #expect(PIICode.jwt.defaultSeverity == .error)
    for code in PIICode.allCases { #expect(code.placeholder.allSatisfy { $0.isASCII && $0 != "\"" && $0 != "\\" }) }
}
