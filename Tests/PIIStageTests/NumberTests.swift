import Diagnostics
@testable import PIIStage
import Testing

// MARK: Payment cards

@Test func cardNumbersWithLuhnAndIssuerAreReported() {
    for number in ["4539 1488 0343 6467", "4539148803436467", "5212-3456-7890-1234", "3782 822463 10013",
                   "6011123456789019"] {
        guard let (diagnostic, text) = single("my card is \(number), thanks") else { continue }
        #expect(diagnostic.code == PIICode.paymentCard.code)
        #expect(diagnostic.severity == .warning)
        #expect(text == number)
    }
}

@Test func cardWithBadChecksumOrIssuerIsNotReported() {
    #expect(codes("card 4539 1488 0343 6468") == [])  // Luhn fails
    #expect(codes("card 9539 1488 0343 6467") == [])  // no issuer starts with 9
    #expect(codes("card 4539-1488 0343-6467") == [])  // mixed separators
    #expect(codes("card 45391 48803 43646 7") == [])  // not a card grouping
}

@Test func longerDigitRunsAndDecimalsAreNotCards() {
    #expect(codes("order 45391488034364670012") == [])
    #expect(codes("id 4539148803436467.25") == [])
    #expect(codes("4539 1488 0343 6467 1234 5678") == [])
    #expect(codes("timestamp 1700000000000000") == [])
}

@Test func thirtyFivePrefixOutsideJCBRangeNeedsACardWord() {
    // 3504… and 3599… pass Luhn but lie outside JCB's 3528–3589: cards only when the text says so.
    for text in ["Card: 3504 2914 1777 6317", "Kartennummer: 3599729815061622", "卡号：3504-2914-1777-6317",
                 "charge my JCB 3599729815061622 please"] {
        guard let (diagnostic, _) = single(text) else { continue }
        #expect(diagnostic.code == PIICode.paymentCard.code)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message.contains("outside JCB"))
    }
    #expect(codes("ticket 3504 2914 1777 6317 closed") == [])
    #expect(codes("ref 3599729815061622") == [])
    // A card word in another sentence of the string says nothing about this number.
    #expect(codes("My card expired.\nref 3599729815061622") == [])
    // Inside JCB's range nothing changes: no word needed.
    #expect(codes("ref 3530549817410409") == ["pii/payment-card"])
}

@Test func publishedTestCardIsInfo() {
    guard let (diagnostic, _) = single("use 4111 1111 1111 1111 in the sandbox") else { return }
    #expect(diagnostic.severity == .info)
    #expect(diagnostic.message.contains("test card"))
}

@Test func cardMessageShowsOnlyTheLastFourDigits() {
    guard let (diagnostic, _) = single("card 4539148803436467") else { return }
    #expect(!diagnostic.message.contains("4539148803436467"))
    #expect(!diagnostic.message.contains("45391488"))
    #expect(diagnostic.message.contains("6467"))
}

// MARK: IBAN

@Test func ibanWithValidChecksumIsReported() {
    for iban in ["DE62370400440532013001", "DE62 3704 0044 0532 0130 01", "GB02NWBK60161331926820",
                 "FR84 2004 1010 0505 0001 3M02 607"] {
        guard let (diagnostic, text) = single("wire it to \(iban) today") else { continue }
        #expect(diagnostic.code == PIICode.iban.code)
        #expect(text == iban)
        #expect(!diagnostic.message.contains(iban.replacingSpaces()))
    }
}

@Test func ibanEndsAtItsCountryLength() {
    guard let (_, text) = single("IBAN: DE62 3704 0044 0532 0130 01 AND MORE") else { return }
    #expect(text == "DE62 3704 0044 0532 0130 01")
}

@Test func ibanWithBadChecksumOrLengthIsNotReported() {
    #expect(codes("DE63370400440532013001") == [])
    #expect(codes("DE6237040044053201300") == [])
    #expect(codes("XX62370400440532013001") == [])
    #expect(codes("DE62370400440532013001X") == [])
}

@Test func publishedExampleIBANIsInfo() {
    guard let (diagnostic, _) = single("for example GB82 WEST 1234 5698 7654 32") else { return }
    #expect(diagnostic.severity == .info)
}

// MARK: SSN

@Test func formattedSSNIsReported() {
    guard let (diagnostic, text) = single("the applicant's number is 536-22-8741.") else { return }
    #expect(diagnostic.code == PIICode.ssn.code)
    #expect(text == "536-22-8741")
    #expect(diagnostic.message.contains("***-**-8741"))
    #expect(!diagnostic.message.contains("536"))
}

@Test func bareNineDigitsNeedContext() {
    #expect(codes("invoice 536228741 paid") == [])
    #expect(codes("SSN: 536228741") == ["pii/ssn"])
    #expect(codes("social security number 536 22 8741") == ["pii/ssn"])
    #expect(codes("coordinates 536 22 8741") == [])
    // The digits are the trigger, so any context word the validator knows will do.
    #expect(codes("SS# 536228741") == ["pii/ssn"])
    #expect(codes("ssn=536228741") == ["pii/ssn"])
}

@Test func invalidSSNPartsAreNotReported() {
    #expect(codes("SSN 000-22-8741") == [])
    #expect(codes("SSN 666-22-8741") == [])
    #expect(codes("SSN 936-22-8741") == [])
    #expect(codes("SSN 536-00-8741") == [])
    #expect(codes("SSN 536-22-0000") == [])
}

@Test func ssnLookalikesInLongerNumbersAreNotReported() {
    #expect(codes("part 1536-22-8741") == [])
    #expect(codes("part 536-22-87410") == [])
    #expect(codes("call 536-22-8741-1") == [])
    #expect(codes("ISBN 978-3-16-148410-0") == [])
}

@Test func wellKnownSampleSSNIsInfo() {
    guard let (diagnostic, _) = single("the Woolworth SSN 078-05-1120") else { return }
    #expect(diagnostic.severity == .info)
}

extension String {
    func replacingSpaces() -> String { String(filter { $0 != " " }) }
}
