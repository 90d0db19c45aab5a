import PhoneNumbers
import Testing

@Test func fictionalUS555NumbersAreValidToLibphonenumber() throws {
    // 555-0100…555-0199 is reserved for fiction, but libphonenumber's metadata accepts it like any other
    // exchange: the pii stage has to recognise the range itself (and report it as information).
    for number in ["202-555-0100", "202-555-0142", "202-555-0199"] {
        let info = try #require(PhoneNumberValidator.validate(number, defaultRegion: "US"))
        #expect(info.isValid, "\(number)")
    }
}

@Test func wrongLengthIsReadButNotValid() throws {
    let short = try #require(PhoneNumberValidator.validate("201 555 012", defaultRegion: "US"))
    #expect(!short.isValid)
    #expect(!short.isPossible)
    #expect(short.regionCode == nil)
    let ukShort = try #require(PhoneNumberValidator.validate("0121 234 567", defaultRegion: "GB"))
    #expect(!ukShort.isValid)
    let frShort = try #require(PhoneNumberValidator.validate("06 12 34 56 7", defaultRegion: "FR"))
    #expect(!frShort.isValid)
    #expect(frShort.type == .unknown)
}

@Test func unassignedAreaCodesAreNotValid() throws {
    // Possible (ten digits) but no NANP area code starts with 0 or 1.
    for number in ["123-456-7890", "000-000-0000", "+1 123 456 7890"] {
        let info = try #require(PhoneNumberValidator.validate(number, defaultRegion: "US"))
        #expect(info.isPossible, "\(number)")
        #expect(!info.isValid, "\(number)")
    }
}

@Test func orderNumbersVersionsAndISBNsAreNotValidNumbers() throws {
    // libphonenumber reads these leniently as digit strings; none of them is a valid number.
    for text in ["#123456789", "1.2.3.4", "v1.2.3", "978-3-16-148410-0", "2024-01-15", "192.168.1.1"] {
        let info = PhoneNumberValidator.validate(text, defaultRegion: "US")
        #expect(info?.isValid != true, "\(text)")
    }
    // The ISBN's 13 digits read as a US number with a ten-digit limit: read, but not even possible.
    let isbn = try #require(PhoneNumberValidator.validate("978-3-16-148410-0", defaultRegion: "US"))
    #expect(!isbn.isPossible)
    #expect(isbn.regionCode == nil)
}

@Test func timestampsAreNotNumbersAtAll() throws {
    #expect(PhoneNumberValidator.validate("2024-01-15 10:30:00", defaultRegion: "US") == nil)
    #expect(throws: PhoneNumberParseError.notANumber) {
        try PhoneNumberValidator.parse("10:30:00", defaultRegion: "US")
    }
}

@Test func nationalFormNeedsAKnownDefaultRegion() throws {
    for region in ["ZZ", "", "USA", "1"] {
        #expect(throws: PhoneNumberParseError.invalidCountryCode) {
            try PhoneNumberValidator.parse("201-555-0123", defaultRegion: region)
        }
    }
    #expect(throws: PhoneNumberParseError.invalidCountryCode) {
        try PhoneNumberValidator.parse("+999 123 4567", defaultRegion: "US")
    }
}

@Test func textWithoutDigitsOrTooMuchTextIsNotANumber() throws {
    #expect(throws: PhoneNumberParseError.notANumber) { try PhoneNumberValidator.parse("", defaultRegion: "US") }
    #expect(throws: PhoneNumberParseError.notANumber) { try PhoneNumberValidator.parse("abc", defaultRegion: "US") }
    #expect(PhoneNumberValidator.validate(utf8: [], defaultRegion: "US") == nil)
    let long = String(repeating: "1", count: 300)
    #expect(throws: PhoneNumberParseError.tooLong) { try PhoneNumberValidator.parse(long, defaultRegion: "US") }
    // Two numbers in one candidate: splitting candidates is the scanner's job, not the validator's.
    #expect(throws: PhoneNumberParseError.tooLong) {
        try PhoneNumberValidator.parse("201-555-0123 and 202-555-0100", defaultRegion: "US")
    }
}
