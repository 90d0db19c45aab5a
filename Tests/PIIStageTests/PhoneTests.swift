import Diagnostics
@testable import PIIStage
import Testing

@Test func internationalAndNationalPhoneNumbersAreReported() {
    for number in ["+44 20 7123 4567", "+1 650-253-0000", "650-253-0000", "020 7123 4567", "07400 123456",
                   "030 1234567", "06 12 34 56 78", "98765 43210", "(11) 96123-4567", "03-1234-5678",
                   "138 0013 8000", "+4915123456789", "(650) 253-0000"] {
        guard let (diagnostic, text) = single("reach me at \(number) after six") else { continue }
        #expect(diagnostic.code == PIICode.phone.code, "\(number)")
        #expect(text == number)
        #expect(diagnostic.severity == .warning, "\(number): \(diagnostic.message)")
    }
}

@Test func phoneMessageHidesTheNumber() {
    guard let (diagnostic, _) = single("call +44 20 7123 4567") else { return }
    #expect(!diagnostic.message.contains("7123"))
    #expect(diagnostic.message.contains("+44"))
}

@Test func fictionalNumbersAreInfo() {
    guard let (us, _) = single("call (201) 555-0123") else { return }
    #expect(us.severity == .info)
    guard let (uk, _) = single("call 07700 900123") else { return }
    #expect(uk.severity == .info, "\(uk.message)")
}

@Test func numbersThatAreNotPhonesAreNotReported() {
    #expect(codes("released 2024-01-15 at 10:20:30") == [])
    #expect(codes("on 15.01.2024 and 01/15/24") == [])
    #expect(codes("ISBN 978-3-16-148410-0") == [])
    #expect(codes("version 10.2.31.4 and 1.22.333") == [])
    #expect(codes("order 4711-2024-0815") == [])
    #expect(codes("timestamp 1700000000 and id 98765432101") == [])
    #expect(codes("3 - 4 - 5 = -6 and 100 200 300") == [])
    #expect(codes("uuid 123e4567-e89b-12d3-a456-426614174000") == [])
    #expect(codes("555-1234 is too short") == [])
}

@Test func bareDigitsAreAPhoneOnlyWithContext() {
    #expect(codes("reference 6502530000") == [])
    #expect(codes("my phone is 6502530000") == ["pii/phone"])
}

@Test func phoneInsideEscapedTextHasExactRange() {
    let line = #"{"text": "Caf\u00e9 \"Z\u00fcrich\"\ntel: +41 44 668 18 00\n"}"#
    let found = check(line)
    #expect(found.count == 1)
    guard let diagnostic = found.first else { return }
    #expect(covered(diagnostic, in: line) == "+41 44 668 18 00")
    #expect(applyingFix(diagnostic, to: line) == #"{"text": "Caf\u00e9 \"Z\u00fcrich\"\ntel: [PHONE]\n"}"#)
}
