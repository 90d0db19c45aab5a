import Diagnostics

/// Validators for numeric identifiers: payment cards, IBANs, US social security numbers.
extension Validator {
    // MARK: Payment cards

    /// Numbers published by card networks and payment processors for testing; never a real card.
    static let testCardNumbers: Set<String> = [
        "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "5555555555554444",
        "5105105105105100", "5200828282828210", "2223003122003222", "378282246310005", "371449635398431",
        "6011111111111117", "6011000990139424", "3056930009020004", "36227206271667", "3566002020360505",
        "6200000000000005", "4222222222222",
    ]

    func card(_ range: Range<Int>) -> Hit? {
        guard digitBoundaryBefore(range.lowerBound), digitBoundaryAfter(range.upperBound) else { return nil }
        var digits: [UInt8] = []
        var groups: [Int] = []
        var separator: UInt8?
        var groupLength = 0
        for byte in bytes[range] {
            if Bytes.isDigit(byte) {
                digits.append(byte &- 0x30)
                groupLength += 1
            } else {
                if let separator, separator != byte { return nil }
                separator = byte
                groups.append(groupLength)
                groupLength = 0
            }
        }
        groups.append(groupLength)
        guard (13...19).contains(digits.count) else { return nil }
        if separator != nil {
            // Groups as cards print them: 4-4-4-4(-3), 4-4-4-1…4, Amex 4-6-5, Diners 4-6-4.
            let fours = groups.dropLast().allSatisfy { $0 == 4 } && (1...4).contains(groups.last!)
            guard fours || groups == [4, 6, 5] || groups == [4, 6, 4] else { return nil }
            if let separator, bytes.indices.contains(range.upperBound + 1), bytes[range.upperBound] == separator,
               Bytes.isDigit(bytes[range.upperBound + 1]) { return nil }
        }
        guard Self.luhn(digits) else { return nil }
        let knownIssuer = Self.cardIssuer(digits)
        guard let issuer = knownIssuer ?? labelledCardIssuer(digits, near: range) else { return nil }
        let number = String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
        let last4 = String(number.suffix(4))
        if Self.testCardNumbers.contains(number) {
            return Hit(.paymentCard, range, confidence: 0.99, severity: .info,
                       "published test card number (\(issuer), ending \(last4))")
        }
        // A number outside every issuer's range is a card only by what the text calls it: less sure.
        let confidence = knownIssuer == nil ? 0.85 : separator != nil || hasContext(Self.cardContextWords) ? 0.98 : 0.9
        return Hit(.paymentCard, range, confidence: confidence,
                   "payment card number (\(issuer), ending \(last4), confidence \(Self.percent(confidence)))")
    }

    static func luhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if index % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    /// The network a card number belongs to by its prefix, when its length is one that network issues.
    static func cardIssuer(_ digits: [UInt8]) -> String? {
        func prefix(_ count: Int) -> Int { digits.prefix(count).reduce(0) { $0 * 10 + Int($1) } }
        let length = digits.count
        switch true {
        case digits[0] == 4 && [13, 16, 19].contains(length): return "Visa"
        case (51...55).contains(prefix(2)) && length == 16: return "Mastercard"
        case (2221...2720).contains(prefix(4)) && length == 16: return "Mastercard"
        case [34, 37].contains(prefix(2)) && length == 15: return "American Express"
        case (prefix(4) == 6011 || (644...649).contains(prefix(3)) || prefix(2) == 65) && (16...19).contains(length):
            return "Discover"
        case ((300...305).contains(prefix(3)) || [36, 38, 39].contains(prefix(2))) && (14...19).contains(length):
            return "Diners Club"
        case (3528...3589).contains(prefix(4)) && (16...19).contains(length): return "JCB"
        case prefix(2) == 62 && (16...19).contains(length): return "UnionPay"
        case ([50, 56, 57, 58, 63, 67].contains(prefix(2))) && (13...19).contains(length): return "Maestro"
        default: return nil
        }
    }

    // MARK: IBAN

    /// IBAN lengths by country (SWIFT IBAN registry).
    static let ibanLengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
        "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
        "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
        "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
        "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25,
        "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18,
        "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33,
        "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
        "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
    ]

    /// IBANs printed in standards, banks' documentation and Wikipedia; placeholders, not accounts.
    static let exampleIBANs: Set<String> = [
        "GB82WEST12345698765432", "DE89370400440532013000", "FR1420041010050500013M02606",
        "NL91ABNA0417164300", "GB29NWBK60161331926819", "CH9300762011623852957", "ES9121000418450200051332",
        "IT60X0542811101000000123456", "BE68539007547034", "AT611904300234573201",
    ]

    func iban(_ range: Range<Int>) -> Hit? {
        let start = range.lowerBound
        guard start == 0 || !Bytes.isAlnum(bytes[start - 1]) else { return nil }
        let country = Bytes.text(bytes[start..<(start + 2)])
        guard let length = Self.ibanLengths[country] else { return nil }
        // Collect exactly `length` characters, allowing single spaces between them.
        var characters: [UInt8] = []
        var index = start
        var spaced = false
        while index < bytes.count, characters.count < length {
            let byte = bytes[index]
            if Bytes.isDigit(byte) || Bytes.isUpper(byte) {
                characters.append(byte)
            } else if byte == UInt8(ascii: " "), !characters.isEmpty, index + 1 < bytes.count,
                      bytes[index + 1] != UInt8(ascii: " ") {
                spaced = true
            } else {
                break
            }
            index += 1
        }
        guard characters.count == length else { return nil }
        if index < bytes.count, Bytes.isAlnum(bytes[index]) { return nil }
        if spaced {
            // Printed IBANs group by four from the left.
            var offset = 0
            for byte in bytes[start..<index] {
                if byte == UInt8(ascii: " ") { if offset % 4 != 0 { return nil } } else { offset += 1 }
            }
        }
        guard Self.ibanChecksumIsValid(characters) else { return nil }
        let compact = String(decoding: characters, as: UTF8.self)
        let shown = country + "…" + compact.suffix(4)
        if Self.exampleIBANs.contains(compact) {
            return Hit(.iban, start..<index, confidence: 0.99, severity: .info, "published example IBAN (\(shown))")
        }
        return Hit(.iban, start..<index, confidence: 0.99, "IBAN \(shown) (valid checksum, confidence 99%)")
    }

    /// ISO 13616 mod-97: move the first four characters to the end, letters to 10…35, remainder must be 1.
    static func ibanChecksumIsValid(_ characters: [UInt8]) -> Bool {
        var remainder = 0
        for byte in characters.dropFirst(4) + characters.prefix(4) {
            if Bytes.isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(byte - 0x41 + 10)) % 97
            }
        }
        return remainder == 1
    }

    // MARK: US social security numbers

    static let publicSSNs: Set<String> = ["078051120", "219099999", "123456789"]

    /// `formatted`: written 123-45-6789 (or with spaces, which need a context word); otherwise nine bare digits
    /// next to "SSN" or "social security".
    func ssn(_ range: Range<Int>, formatted: Bool) -> Hit? {
        guard digitBoundaryBefore(range.lowerBound), digitBoundaryAfter(range.upperBound) else { return nil }
        let slice = bytes[range]
        let digits = slice.filter(Bytes.isDigit).map { $0 - 0x30 }
        guard digits.count == 9 else { return nil }
        let context = hasContext(["ssn", "social security", "social-security", "ss#", "ss #"])
        if formatted {
            let separators = slice.filter { !Bytes.isDigit($0) }
            guard separators.count == 2, separators.first == separators.last else { return nil }
            if separators.first == UInt8(ascii: " ") && !context { return nil }
        } else if !context {
            return nil
        }
        let area = Int(digits[0]) * 100 + Int(digits[1]) * 10 + Int(digits[2])
        let group = Int(digits[3]) * 10 + Int(digits[4])
        let serial = digits[5...].reduce(0) { $0 * 10 + Int($1) }
        guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return nil }
        let masked = "***-**-" + String(decoding: digits.suffix(4).map { $0 + 0x30 }, as: UTF8.self)
        let compact = String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
        if Self.publicSSNs.contains(compact) {
            return Hit(.ssn, range, confidence: 0.99, severity: .info, "publicly known sample SSN (\(masked))")
        }
        let confidence = context ? 0.97 : 0.85
        return Hit(.ssn, range, confidence: confidence, "US social security number \(masked) (confidence \(Self.percent(confidence)))")
    }

    // MARK: Digit-run boundaries

    /// True when the byte before `offset` does not continue a number or a word (`+1-`, `v2.`, `x9`).
    func digitBoundaryBefore(_ offset: Int) -> Bool {
        guard offset > 0 else { return true }
        let previous = bytes[offset - 1]
        if Bytes.isWord(previous) { return false }
        if [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "+"),
            UInt8(ascii: ":")].contains(previous), offset >= 2, Bytes.isDigit(bytes[offset - 2]) { return false }
        return true
    }

    /// True when the byte after `offset` does not continue the number (`…1234.5`, `…12345`, `…12a`).
    func digitBoundaryAfter(_ offset: Int) -> Bool {
        guard offset < bytes.count else { return true }
        let next = bytes[offset]
        if Bytes.isWord(next) { return false }
        if [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ":")].contains(next),
           offset + 1 < bytes.count, Bytes.isDigit(bytes[offset + 1]) { return false }
        return true
    }
}
