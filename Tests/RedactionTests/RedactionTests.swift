import Testing
@testable import Redaction

@Suite struct RedactionTests {
    let key = Array("project secret".utf8)

    func synthetic(_ value: String, _ kind: SensitiveKind) -> String {
        Redactor(strategy: .synthetic, key: key).replacement(for: value, kind: kind)
    }

    @Test func placeholdersNameTheKind() {
        let redactor = Redactor(strategy: .placeholder, key: key)
        #expect(redactor.replacement(for: "jane@corp.io", kind: .email) == "[EMAIL]")
        #expect(redactor.replacement(for: "4242 4242 4242 4242", kind: .paymentCard) == "[CARD]")
    }

    @Test func maskKeepsTheLastCharactersAndTheSeparators() {
        let redactor = Redactor(strategy: .mask(keepLast: 4), key: key)
        #expect(redactor.replacement(for: "4242 4242 4242 1234", kind: .paymentCard) == "**** **** **** 1234")
        #expect(redactor.replacement(for: "123-45-6789", kind: .ssn) == "***-**-6789")
        #expect(redactor.replacement(for: "jane.doe@corp.io", kind: .email) == "j*******@corp.io")
    }

    @Test func hashIsStableKeyedAndDoesNotContainTheValue() {
        let first = Redactor(strategy: .hash, key: key).replacement(for: "jane@corp.io", kind: .email)
        #expect(first == Redactor(strategy: .hash, key: key).replacement(for: "jane@corp.io", kind: .email))
        #expect(first != Redactor(strategy: .hash, key: Array("other".utf8)).replacement(for: "jane@corp.io", kind: .email))
        #expect(first.hasPrefix("[EMAIL:") && first.count == "[EMAIL:]".count + 16)
        #expect(!first.contains("jane"))
    }

    @Test func syntheticValuesAreConsistentAcrossTheDataset() {
        #expect(synthetic("jane@corp.io", .email) == synthetic("jane@corp.io", .email))
        #expect(synthetic("jane@corp.io", .email) != synthetic("john@corp.io", .email))
    }

    @Test func syntheticEmailUsesAReservedDomain() {
        let fake = synthetic("jane@corp.io", .email)
        #expect(["example.com", "example.org", "example.net"].contains(String(fake.split(separator: "@").last ?? "")))
    }

    @Test(arguments: ["4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005", "6011000990139424", "4012888888881881"])
    func syntheticCardsPassLuhnWithATestPrefixAndKeepTheLayout(card: String) {
        let fake = synthetic(card, .paymentCard)
        let digits = fake.compactMap(\.wholeNumberValue)
        #expect(Checksums.passesLuhn(digits), "\(fake)")
        #expect(digits.count == card.count { $0.isNumber })
        #expect(fake.map { $0.isNumber } == card.map { $0.isNumber })
        #expect(["400000", "555555", "378282", "601111"].contains(String(fake.filter(\.isNumber).prefix(6))))
        #expect(fake != card)
    }

    @Test(arguments: ["DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "FR1420041010050500013M02606"])
    func syntheticIBANsHaveCorrectCheckDigitsAndTheSameShape(iban: String) {
        let fake = synthetic(iban, .iban)
        #expect(Checksums.passesIBAN(fake.filter { !$0.isWhitespace }), "\(fake)")
        #expect(fake.prefix(2) == iban.prefix(2))
        #expect(fake.map { $0.isLetter } == iban.map { $0.isLetter })
        #expect(fake.map { $0.isWhitespace } == iban.map { $0.isWhitespace })
    }

    @Test func syntheticSSNIsIssuableAndKeepsItsFormat() {
        for value in ["123-45-6789", "987 65 4321", "078051120"] {
            let fake = synthetic(value, .ssn)
            let digits = fake.compactMap(\.wholeNumberValue)
            let area = digits[0] * 100 + digits[1] * 10 + digits[2]
            #expect(area != 0 && area != 666 && area < 900, "\(fake)")
            #expect(digits[3...4] != [0, 0] && digits[5...8] != [0, 0, 0, 0])
            #expect(fake.map { $0.isNumber } == value.map { $0.isNumber })
        }
    }

    @Test func northAmericanPhonesGoToTheFictional555Range() {
        let fake = synthetic("(415) 867-5309", .phone)
        #expect(fake.hasPrefix("(415) 555-01"), "\(fake)")
        let international = synthetic("+44 20 7946 0958", .phone)
        #expect(international.hasPrefix("+44 20"))
        #expect(international.map { $0.isNumber } == "+44 20 7946 0958".map { $0.isNumber })
    }

    @Test func syntheticAddressesComeFromDocumentationRanges() {
        let v4 = synthetic("81.2.69.160", .ipv4)
        #expect(["192.0.2.", "198.51.100.", "203.0.113."].contains { v4.hasPrefix($0) }, "\(v4)")
        #expect(synthetic("2a00:1450:4007::200e", .ipv6).hasPrefix("2001:db8:"))
        let mac = synthetic("3C:22:FB:12:34:56", .macAddress)
        let firstByte = Int(mac.prefix(2), radix: 16) ?? 0
        #expect(firstByte & 0x02 == 0x02 && firstByte & 0x01 == 0, "\(mac)")
        #expect(mac.contains(":") && mac.count == 17)
        let dotted = synthetic("b879.7b87.2654", .macAddress)
        #expect(dotted.split(separator: ".").map(\.count) == [4, 4, 4], "\(dotted)")
        #expect(dotted.allSatisfy { $0 == "." || $0.isHexDigit } && dotted != "b879.7b87.2654")
    }

    @Test func syntheticSecretsKeepTheirPrefixAndShape() {
        let key = "sk-ant-api03-AbCdEf0123456789xyz"
        let fake = synthetic(key, .secret)
        #expect(fake.hasPrefix("sk-ant-api03-"))
        #expect(fake.count == key.count && fake != key)
        #expect(fake.map { $0.isNumber } == key.map { $0.isNumber })
    }

    @Test func syntheticDatesAreValidWhicheverWayTheyAreRead() {
        let iso = synthetic("1984-07-23", .dateOfBirth)
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        #expect(parts.count == 3 && (1...12).contains(parts[1]) && (1...28).contains(parts[2]), "\(iso)")
        let slashed = synthetic("23/07/1984", .dateOfBirth).split(separator: "/").compactMap { Int($0) }
        #expect(slashed.count == 3 && slashed[0] <= 12 && slashed[1] <= 12)
    }
}
