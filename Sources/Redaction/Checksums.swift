/// Check digits the synthetic values must carry to stay valid of their kind.
enum Checksums {
    /// The digit that makes `digits` + it pass the Luhn check.
    static func luhnCheckDigit(for digits: [Int]) -> Int {
        var sum = 0
        // Walking from the right, the digit next to the check digit is doubled.
        for (offset, digit) in digits.reversed().enumerated() {
            var value = digit
            if offset % 2 == 0 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return (10 - sum % 10) % 10
    }

    static func passesLuhn(_ digits: [Int]) -> Bool {
        guard let last = digits.last else { return false }
        return luhnCheckDigit(for: Array(digits.dropLast())) == last
    }

    /// ISO 13616 check digits for a country code and BBAN (letters count as 10…35).
    static func ibanCheckDigits(country: String, bban: String) -> String {
        let remainder = mod97(bban + country + "00")
        let check = 98 - remainder
        return check < 10 ? "0\(check)" : "\(check)"
    }

    /// The IBAN (without spaces) passes mod 97.
    static func passesIBAN(_ iban: String) -> Bool {
        guard iban.count > 4 else { return false }
        let rearranged = String(iban.dropFirst(4)) + String(iban.prefix(4))
        return mod97(rearranged) == 1
    }

    private static func mod97(_ text: String) -> Int {
        var remainder = 0
        for character in text.uppercased() {
            if let digit = character.wholeNumberValue, character.isASCII {
                remainder = (remainder * 10 + digit) % 97
            } else if let ascii = character.asciiValue, ascii >= 65, ascii <= 90 {
                remainder = (remainder * 100 + Int(ascii) - 55) % 97
            }
        }
        return remainder
    }
}
