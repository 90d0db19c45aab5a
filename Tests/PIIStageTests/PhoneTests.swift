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

@Test func writtenFormsOfInternationalAndNationalNumbersAreReported() {
    for number in ["+33 6 12 34 56 78", "+33 (0)1 72 67 48 54", "+49(0)30 1234567", "1-650-253-0000",
                   "1 (650) 253-0000", "11 4433-1649", "(11) 4433-1649"] {
        guard let (diagnostic, text) = single("reach me at \(number) after six") else { continue }
        #expect(diagnostic.code == PIICode.phone.code, "\(number)")
        #expect(text == number)
    }
}

@Test func nationalNumbersWithoutTrunkPrefixNeedAContextWordNextToThem() {
    #expect(codes("Llámame al 912 34 56 78.") == ["pii/phone"])
    #expect(codes("我的电话是13800138000。") == ["pii/phone"])
    #expect(codes("Il mio numero è 3471234567.") == ["pii/phone"])
    #expect(codes("Appelez-moi au 0612345678.") == ["pii/phone"])
    #expect(codes("Total 912 34 56 78.") == [])
}

@Test func contextWordsCountOnlyNextToTheNumber() {
    // "call" belongs to another sentence: the order number is not a phone number.
    #expect(codes("Call me after six.\nYour order 6502530000 has shipped.") == [])
    #expect(codes("WhatsApp: +44 20 7123 4567 Bestellnummer 6502530000") == ["pii/phone"])
}

@Test func identifiersAmountsAndCodeTailsAreNotPhoneNumbers() {
    #expect(codes("Bestellnummer ORD-2024-735184") == [])
    #expect(codes("Your order #2025-500094 has shipped.") == [])
    #expect(codes("Model XR-47778-57238") == [])
    #expect(codes("S/N: 47778-57238") == [])
    #expect(codes("Invoice 2022-113281 is overdue.") == [])
    #expect(codes("Revenue reached 619 573 553 491 last year.") == [])
    #expect(codes("Lot 73 785 922 573 was recalled.") == [])
    #expect(codes("Use card 3022-109937-0142 and 3771 117951 13132.") == [])
    #expect(codes("Call me at six. created_at: 20210817002627") == [])
    #expect(codes("Refund to GB71 RWSJ 8780 3315 5970 55, please.") == [])
}

@Test func phoneWithTrunkPrefixInParenthesesHasExactRangeInsideEscapes() {
    let line = #"{"text": "\u00c9crivez \"Tel.: +33 (0)1 72 67 48 54\"\n"}"#
    let found = check(line)
    #expect(found.map(\.code.rawValue) == ["pii/phone"])
    guard let diagnostic = found.first else { return }
    #expect(covered(diagnostic, in: line) == "+33 (0)1 72 67 48 54")
    #expect(applyingFix(diagnostic, to: line) == #"{"text": "\u00c9crivez \"Tel.: [PHONE]\"\n"}"#)
}

@Test func numbersThatCannotBeNorthAmericanSkipTheUSButAreStillRead() {
    #expect(!Validator.mayBeValid(Array("02071234567".utf8), in: "US"))
    #expect(Validator.mayBeValid(Array("6502530000".utf8), in: "US"))
    #expect(Validator.mayBeValid(Array("16502530000".utf8), in: "US"))
    #expect(Validator.mayBeValid(Array("011442071234567".utf8), in: "US"))
    #expect(Validator.mayBeValid(Array("02071234567".utf8), in: "GB"))
    #expect(codes("Call me at 1-650-253-0000 after 6pm.") == ["pii/phone"])
    #expect(codes("Rufen Sie mich unter 030 12345678 an.") == ["pii/phone"])
}
