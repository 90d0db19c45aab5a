import Diagnostics
import PublicSuffixes

/// Validates the precise matches found in one decoded string. Created only for strings a trigger fired on,
/// and used on one thread.
struct Validator {
    let bytes: [UInt8]
    /// The lower-cased string, made on the first context question and kept for the next ones.
    private let lowered = LoweredCache()

    /// `bytes` as `DecodedString` holds them, with its scan padding at the end, which is dropped here; or
    /// plain bytes, when they do not end in that padding.
    init(bytes: [UInt8]) {
        let padding = DecodedString.scanPadding
        let padded = bytes.count >= padding && bytes.suffix(padding).allSatisfy { $0 == 0 }
        self.bytes = padded ? Array(bytes.dropLast(padding)) : bytes
    }

    /// Whether the string mentions any of `words` (lower case ASCII) as a whole word, or its plural ("tel" is
    /// not in "hotel", "ring" not in "strings"). Only a few validators ask, and only about candidates, so the
    /// lower-cased copy is made on the first question.
    func hasContext(_ words: [String]) -> Bool {
        if lowered.bytes == nil { lowered.bytes = Bytes.lowercased(bytes[...]) }
        let text = lowered.bytes!
        return words.contains { Bytes.containsWord(text, Array($0.utf8)) }
    }

    static func percent(_ confidence: Double) -> String { "\(Int((confidence * 100).rounded()))%" }

    func validate(_ detector: Detector, _ range: Range<Int>) -> Hit? {
        switch detector {
        case .email: email(range)
        case .card: card(range)
        case .iban: iban(range)
        case .ssnFormatted: ssn(range, formatted: true)
        case .ssnBare: ssn(range, formatted: false)
        case .awsAccessKey: awsAccessKey(range)
        case .githubToken: githubToken(range)
        case .gitlabToken: gitlabToken(range)
        case .slackToken: slackToken(range)
        case .stripeKey: stripeKey(range)
        case .googleAPIKey: googleAPIKey(range)
        case .skKey: skKey(range)
        case .privateKey: privateKey(range)
        case .jwt: jwt(range)
        case .ipv4: ipv4(range)
        case .ipv6: ipv6(range)
        case .mac: mac(range)
        case .urlCredentials: urlCredentials(range)
        case .phone: phone(range)
        case .assignment: assignment(range)
        }
    }

    // MARK: Email

    /// `range` starts at the "@"; the local part is found walking back from it.
    func email(_ range: Range<Int>) -> Hit? {
        let at = range.lowerBound
        var start = at
        while start > 0, Self.isLocalPartByte(bytes[start - 1]) { start -= 1 }
        // A local part never starts with a dot, quote or hyphen; "…john@x.com" starts at "john".
        while start < at, [UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: "-")].contains(bytes[start]) {
            start += 1
        }
        let local = bytes[start..<at]
        // "%@example.com" in SQL, "+@x.io": a local part names someone only with a letter or digit in it.
        guard (1...64).contains(local.count), local.last != UInt8(ascii: "."), local.contains(where: Bytes.isAlnum),
              !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { return nil }
        // "user:pass@host" and "git@github.com:repo" are URLs or SSH remotes, not mail addresses; nor is the
        // user of "ssh://git@host/…".
        if start > 0, bytes[start - 1] == UInt8(ascii: ":"),
           !(start >= 7 && Bytes.lowercased(bytes[(start - 7)..<start]).elementsEqual("mailto:".utf8)) { return nil }
        if start >= 3, bytes[(start - 3)..<start].elementsEqual("://".utf8) { return nil }
        if range.upperBound < bytes.count {
            // A shorter match inside a longer domain ("a@b.pn" in "a@b.png") is no address; nor is a remote.
            let next = bytes[range.upperBound]
            if Bytes.isWord(next) || next >= 0x80 || next == UInt8(ascii: "-") || next == UInt8(ascii: ":") { return nil }
        }
        let domainBytes = bytes[(at + 1)..<range.upperBound]
        guard domainBytes.last != UInt8(ascii: "-"), domainBytes.first != UInt8(ascii: "-"),
              let domain = try? DomainName(Bytes.text(domainBytes)) else { return nil }
        let masked = Bytes.text(local.prefix(1)) + "***@" + domain.text
        let hitRange = start..<range.upperBound
        if let reserved = ReservedDomain(domain) {
            return Hit(.email, hitRange, confidence: 0.99, severity: .info,
                       "email address \(masked) at a reserved \(reserved) (\(reserved.reference)): a placeholder, not personal data")
        }
        let list = PublicSuffixList.builtIn
        guard list.hasListedSuffix(domain.text), list.registrableDomain(of: domain) != nil else { return nil }
        return Hit(.email, hitRange, confidence: 0.95, "email address \(masked) (confidence 95%)")
    }

    static func isLocalPartByte(_ byte: UInt8) -> Bool {
        Bytes.isAlnum(byte) || [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"),
                                UInt8(ascii: "'"), UInt8(ascii: "-")].contains(byte)
    }

    // MARK: URL credentials

    static let placeholderPasswords: Set<String> = [
        "password", "pass", "passwd", "pwd", "secret", "changeme", "your_password", "your-password", "yourpassword",
        "mypassword", "<password>", "pass123", "password123", "example", "xxx", "xxxx", "xxxxxx", "***", "****",
        "******", "...", "%s", "p@ssw0rd", "admin", "test", "token", "<token>", "$password", "${password}",
    ]

    /// `range` starts at "://"; the scheme is found walking back from it.
    func urlCredentials(_ range: Range<Int>) -> Hit? {
        let schemeEnd = range.lowerBound
        var schemeStart = schemeEnd
        while schemeStart > 0, Bytes.isAlnum(bytes[schemeStart - 1]) || [UInt8(ascii: "+"), UInt8(ascii: "."),
              UInt8(ascii: "-")].contains(bytes[schemeStart - 1]) { schemeStart -= 1 }
        guard schemeStart < schemeEnd, Bytes.isUpper(bytes[schemeStart]) || Bytes.isLower(bytes[schemeStart]) else { return nil }
        let userStart = schemeEnd + 3
        guard let at = bytes[userStart..<range.upperBound].lastIndex(of: UInt8(ascii: "@")),
              let colon = bytes[userStart..<at].firstIndex(of: UInt8(ascii: ":")), colon > userStart,
              colon + 1 < at, at + 1 < range.upperBound else { return nil }
        let user = Bytes.text(bytes[userStart..<colon])
        let password = Bytes.text(bytes[(colon + 1)..<at])
        let host = Bytes.text(bytes[(at + 1)..<range.upperBound])
        let scheme = Bytes.text(bytes[schemeStart..<schemeEnd])
        let shown = "\(scheme)://\(user):***@\(host)"
        let lowered = password.lowercased()
        let isPlaceholder = Self.placeholderPasswords.contains(lowered) || lowered.hasPrefix("<") || lowered.hasPrefix("${")
            || lowered.hasPrefix("{") || lowered.hasPrefix("$") || lowered.hasPrefix("%") || Set(lowered).count == 1
        if isPlaceholder {
            return Hit(.urlCredentials, userStart..<at, confidence: 0.9, severity: .info,
                       "URL with a placeholder password (\(shown))")
        }
        return Hit(.urlCredentials, userStart..<at, confidence: 0.95,
                   "URL with an embedded user name and password (\(shown), confidence 95%)")
    }
}

/// A lazily filled slot, so that `Validator` (a value passed around read-only) can cache its lower-cased text.
final class LoweredCache {
    var bytes: [UInt8]?
}

extension Bytes {
    static func containsWord(_ haystack: [UInt8], _ word: [UInt8]) -> Bool {
        guard !word.isEmpty, word.count <= haystack.count else { return false }
        var start = 0
        while start + word.count <= haystack.count {
            if haystack[start] == word[0], haystack[start..<(start + word.count)].elementsEqual(word) {
                var end = start + word.count
                if end < haystack.count, haystack[end] == UInt8(ascii: "s") { end += 1 }
                let before = start == 0 || !isAlnum(haystack[start - 1])
                let after = end == haystack.count || !isAlnum(haystack[end])
                if before && after { return true }
            }
            start += 1
        }
        return false
    }
}
