/// Fakes that keep a value's kind and format valid, drawn from a stream keyed on the original value.
enum SyntheticValues {
    static func fake(for value: String, kind: SensitiveKind, stream: DigestStream) -> String {
        var stream = stream
        switch kind {
        case .email: return email(&stream)
        case .paymentCard: return paymentCard(like: value, &stream)
        case .iban: return iban(like: value, &stream)
        case .ssn: return ssn(like: value, &stream)
        case .phone: return phone(like: value, &stream)
        case .ipv4: return ipv4(&stream)
        case .ipv6: return ipv6(&stream)
        case .macAddress: return macAddress(like: value, &stream)
        case .dateOfBirth: return date(like: value, &stream)
        case .urlCredentials, .secret: return shapePreserving(value, keepingPrefix: secretPrefix(of: value), &stream)
        }
    }

    /// A name at a reserved domain (RFC 2606), so the address can never reach anyone.
    private static func email(_ stream: inout DigestStream) -> String {
        let names = ["alex", "sam", "jordan", "taylor", "morgan", "casey", "riley", "jamie", "avery", "quinn"]
        let domains = ["example.com", "example.org", "example.net"]
        var suffix = ""
        for _ in 0..<4 { suffix.append(stream.digit()) }
        return "\(names[stream.next(below: names.count)]).\(suffix)@\(domains[stream.next(below: domains.count)])"
    }

    /// Same length and separators, a card network's published test prefix, and a valid Luhn check digit.
    private static func paymentCard(like value: String, _ stream: inout DigestStream) -> String {
        let length = value.count { $0.isNumber }
        let first = value.first { $0.isNumber }
        let prefix: [Int] = switch first {
        case "3": [3, 7, 8, 2, 8, 2]    // American Express test numbers
        case "5", "2": [5, 5, 5, 5, 5, 5]  // Mastercard test numbers
        case "6": [6, 0, 1, 1, 1, 1]    // Discover test numbers
        default: [4, 0, 0, 0, 0, 0]     // Visa test numbers
        }
        var digits = Array(prefix.prefix(max(0, length - 1)))
        while digits.count < length - 1 { digits.append(stream.next(below: 10)) }
        digits.append(Checksums.luhnCheckDigit(for: digits))
        return refill(value, withDigits: digits)
    }

    /// The same country and BBAN shape (letters where it had letters), with correct check digits.
    private static func iban(like value: String, _ stream: inout DigestStream) -> String {
        let compact = value.filter { !$0.isWhitespace }
        let country = String(compact.prefix(2)).uppercased()
        var bban = ""
        for character in compact.dropFirst(4) {
            bban.append(character.isNumber ? stream.digit() : stream.letter(uppercase: true))
        }
        let fake = country + Checksums.ibanCheckDigits(country: country, bban: bban) + bban
        // Put the spaces back where the original had them.
        var result = ""
        var characters = fake.makeIterator()
        for character in value {
            if character.isWhitespace { result.append(character) } else if let next = characters.next() { result.append(next) }
        }
        return result
    }

    /// An SSN with an area that is issued (001–665, 667–899), a non-zero group and serial, in the same format.
    private static func ssn(like value: String, _ stream: inout DigestStream) -> String {
        var area = 1 + (stream.next(below: 256) << 8 | stream.next(below: 256)) % 899
        if area == 666 { area = 667 }
        let group = 1 + stream.next(below: 99)
        let serial = 1 + (stream.next(below: 100) * 100 + stream.next(below: 100)) % 9999
        let digits = (format(area, width: 3) + format(group, width: 2) + format(serial, width: 4)).compactMap(\.wholeNumberValue)
        return refill(value, withDigits: digits)
    }

    /// North American numbers get the fictional 555-01XX range; others keep their country and area digits.
    private static func phone(like value: String, _ stream: inout DigestStream) -> String {
        var digits = value.compactMap(\.wholeNumberValue)
        let international = value.hasPrefix("+")
        let isNorthAmerican = international
            ? value.hasPrefix("+1") && digits.count == 11
            : digits.count == 10 || (digits.count == 11 && digits.first == 1)
        if isNorthAmerican {
            let offset = digits.count - 7
            let line = [5, 5, 5, 0, 1, stream.next(below: 10), stream.next(below: 10)]
            for index in 0..<7 { digits[offset + index] = line[index] }
        } else {
            for index in digits.indices.dropFirst(min(4, digits.count / 2)) { digits[index] = stream.next(below: 10) }
        }
        return refill(value, withDigits: digits)
    }

    /// An address in a documentation range (RFC 5737).
    private static func ipv4(_ stream: inout DigestStream) -> String {
        let networks = ["192.0.2", "198.51.100", "203.0.113"]
        return "\(networks[stream.next(below: networks.count)]).\(1 + stream.next(below: 254))"
    }

    /// An address in the documentation prefix 2001:db8::/32 (RFC 3849).
    private static func ipv6(_ stream: inout DigestStream) -> String {
        var groups = ["2001", "db8"]
        for _ in 0..<3 { groups.append(String(stream.next(below: 256) << 8 | stream.next(below: 256), radix: 16)) }
        return groups.joined(separator: ":") + "::" + String(1 + stream.next(below: 255), radix: 16)
    }

    /// A locally administered, unicast address in the original's notation.
    private static func macAddress(like value: String, _ stream: inout DigestStream) -> String {
        var bytes = (0..<6).map { _ in stream.next(below: 256) }
        bytes[0] = (bytes[0] | 0x02) & ~0x01
        let uppercase = value.contains { $0.isUppercase }
        let pairs = bytes.map { byte in
            let hex = String(byte, radix: 16, uppercase: uppercase)
            return hex.count == 1 ? "0" + hex : hex
        }
        // Cisco's dotted form (b879.7b87.2654) keeps its notation: three groups of four.
        if value.contains(".") { return stride(from: 0, to: 6, by: 2).map { pairs[$0] + pairs[$0 + 1] }.joined(separator: ".") }
        return pairs.joined(separator: value.contains("-") ? "-" : ":")
    }

    /// A valid date in the same layout: YYYY-MM-DD, or D/M/YYYY with day and month both ≤ 12 so that either reading
    /// is valid; other layouts keep their shape.
    private static func date(like value: String, _ stream: inout DigestStream) -> String {
        let digits = value.compactMap(\.wholeNumberValue)
        let year = 1950 + stream.next(below: 55)
        let month = 1 + stream.next(below: 12)
        let day = 1 + stream.next(below: 12)
        if digits.count == 8, value.first?.isNumber == true, value.dropFirst(4).first == "-" || value.dropFirst(4).first == "/" {
            return refill(value, withDigits: (format(year, width: 4) + format(month, width: 2) + format(day, width: 2)).compactMap(\.wholeNumberValue))
        }
        if digits.count == 8 {
            return refill(value, withDigits: (format(day, width: 2) + format(month, width: 2) + format(year, width: 4)).compactMap(\.wholeNumberValue))
        }
        return shapePreserving(value, keepingPrefix: "", &stream)
    }

    /// Known credential prefixes (`sk-ant-`, `ghp_`, `AKIA`, `xoxb-`…) stay, so the fake still looks like what it replaces.
    private static func secretPrefix(of value: String) -> String {
        let prefixes = ["-----BEGIN", "sk-ant-api03-", "sk-proj-", "sk-", "sk_live_", "rk_live_", "ghp_", "gho_", "ghs_",
                        "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "xoxs-", "xoxr-", "AKIA", "ASIA", "AIza", "eyJ"]
        return prefixes.first { value.hasPrefix($0) } ?? ""
    }

    /// Every letter and digit after `prefix` replaced by one of the same class; everything else kept.
    private static func shapePreserving(_ value: String, keepingPrefix prefix: String, _ stream: inout DigestStream) -> String {
        var result = prefix
        for character in value.dropFirst(prefix.count) {
            if character.isASCII && character.isNumber {
                result.append(stream.digit())
            } else if character.isASCII && character.isLetter {
                result.append(stream.letter(uppercase: character.isUppercase))
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The original's characters with its digits replaced, in order, by `digits`.
    private static func refill(_ value: String, withDigits digits: [Int]) -> String {
        var remaining = digits.makeIterator()
        return String(value.map { character in
            guard character.isNumber, let digit = remaining.next() else { return character }
            return Character(String(digit))
        })
    }

    private static func format(_ number: Int, width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

}
