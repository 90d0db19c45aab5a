import PhoneNumbers
import Testing

/// A real-looking number in national form, how it reads in E.164, and what libphonenumber should say.
struct ValidCase: Sendable, CustomStringConvertible {
    let national: String
    let region: String
    let e164: String
    let type: PhoneNumberType

    var description: String { "\(region) \(national)" }
}

/// Numbers from libphonenumber's example ranges and well-known public lines, one fixed and one mobile
/// (where the plan tells them apart) per region.
let validCases: [ValidCase] = [
    ValidCase(national: "(201) 555-0123", region: "US", e164: "+12015550123", type: .fixedLineOrMobile),
    ValidCase(national: "650-253-0000", region: "US", e164: "+16502530000", type: .fixedLineOrMobile),
    ValidCase(national: "(800) 555-0199", region: "US", e164: "+18005550199", type: .tollFree),
    ValidCase(national: "613-555-0123", region: "CA", e164: "+16135550123", type: .fixedLineOrMobile),
    ValidCase(national: "020 7946 0958", region: "GB", e164: "+442079460958", type: .fixedLine),
    ValidCase(national: "07400 123456", region: "GB", e164: "+447400123456", type: .mobile),
    ValidCase(national: "030 123456", region: "DE", e164: "+4930123456", type: .fixedLine),
    ValidCase(national: "01512 3456789", region: "DE", e164: "+4915123456789", type: .mobile),
    ValidCase(national: "01 23 45 67 89", region: "FR", e164: "+33123456789", type: .fixedLine),
    ValidCase(national: "06 12 34 56 78", region: "FR", e164: "+33612345678", type: .mobile),
    ValidCase(national: "081234 56789", region: "IN", e164: "+918123456789", type: .mobile),
    ValidCase(national: "98765 43210", region: "IN", e164: "+919876543210", type: .mobile),
    ValidCase(national: "(11) 2345-6789", region: "BR", e164: "+551123456789", type: .fixedLine),
    ValidCase(national: "(11) 96123-4567", region: "BR", e164: "+5511961234567", type: .mobile),
    ValidCase(national: "03-1234-5678", region: "JP", e164: "+81312345678", type: .fixedLine),
    ValidCase(national: "090-1234-5678", region: "JP", e164: "+819012345678", type: .mobile),
    ValidCase(national: "010 1234 5678", region: "CN", e164: "+861012345678", type: .fixedLine),
    ValidCase(national: "138 0013 8000", region: "CN", e164: "+8613800138000", type: .mobile),
]

@Test(arguments: validCases)
func nationalFormIsValidInItsRegion(_ number: ValidCase) throws {
    let info = try #require(PhoneNumberValidator.validate(number.national, defaultRegion: number.region))
    #expect(info.isValid)
    #expect(info.isPossible)
    #expect(info.e164 == number.e164)
    #expect(info.regionCode == number.region)
    #expect(info.type == number.type)
}

@Test(arguments: validCases)
func e164FormIsValidWhateverTheDefaultRegion(_ number: ValidCase) throws {
    // A "+" number carries its country code, so the default region does not matter, not even an unknown one.
    for defaultRegion in ["US", "DE", "ZZ", ""] {
        let info = try #require(PhoneNumberValidator.validate(number.e164, defaultRegion: defaultRegion))
        #expect(info.isValid, "default region \(defaultRegion)")
        #expect(info.e164 == number.e164)
        #expect(info.regionCode == number.region)
    }
}

@Test func internationalFormsWithPunctuationAndPrefixesAreRead() throws {
    let forms = ["+44 20 7946 0958", "+44 (0)20 7946 0958", "0044 20 7946 0958", "tel:+44-20-7946-0958"]
    for form in forms {
        let info = try #require(PhoneNumberValidator.validate(form, defaultRegion: "DE"), "\(form)")
        #expect(info.e164 == "+442079460958", "\(form)")
        #expect(info.isValid, "\(form)")
    }
}

@Test func defaultRegionIsCaseInsensitive() throws {
    let info = try #require(PhoneNumberValidator.validate("201-555-0123", defaultRegion: "us"))
    #expect(info.isValid)
    #expect(info.countryCode == 1)
}

@Test func fullWidthDigitsAndVanityLettersAreNormalized() throws {
    let fullWidth = try #require(PhoneNumberValidator.validate("２０１－５５５－０１２３", defaultRegion: "US"))
    #expect(fullWidth.e164 == "+12015550123")
    let vanity = try #require(PhoneNumberValidator.validate("1-800-FLOWERS", defaultRegion: "US"))
    #expect(vanity.e164 == "+18003569377")
    #expect(vanity.type == .tollFree)
}

@Test func byteSliceCandidateReadsLikeAString() throws {
    let record = Array("call 020 7946 0958 now".utf8)
    let info = try #require(PhoneNumberValidator.validate(utf8: record[5..<18], defaultRegion: "GB"))
    #expect(info.e164 == "+442079460958")
}
