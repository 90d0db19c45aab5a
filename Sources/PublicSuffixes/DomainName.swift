/// A syntactically plausible domain name in the form libpsl expects: lower case, no trailing dot, labels of
/// DNS-legal characters. Internationalized labels stay in whichever form they came in (UTF-8 or punycode
/// `xn--…`); libpsl accepts both, provided they are lower case, and answers in the same form.
///
/// Validating first matters because libpsl answers for anything: it calls "" and "." public suffixes (the
/// implicit `*` rule), "1.2.3.4" has registrable domain "3.4", and upper-case names silently miss every rule
/// ("CO.UK" is not a public suffix to libpsl).
public struct DomainName: Sendable, Hashable, CustomStringConvertible {
    /// The normalized name, e.g. "bücher.de" for "BÜCHER.DE.".
    public let text: String

    public var description: String { text }

    /// Normalizes and checks `text`: drops one trailing dot, lower-cases (all of Unicode, as libpsl does),
    /// and rejects what cannot be a host name.
    public init(_ text: String) throws(DomainNameError) {
        var name = text.hasSuffix(".") ? String(text.dropLast()) : text
        guard !name.isEmpty else { throw DomainNameError.empty }
        name = try lowercased(name)
        try Self.validate(name)
        self.text = name
    }

    /// The labels from left to right, e.g. ["www", "example", "co", "uk"].
    public var labels: [Substring] {
        text.split(separator: ".", omittingEmptySubsequences: false)
    }

    /// Whether `name` is `suffix` or ends in "." + `suffix`; `suffix` must be normalized.
    func isWithin(_ suffix: String) -> Bool {
        text == suffix || text.hasSuffix("." + suffix)
    }

    private static func validate(_ name: String) throws(DomainNameError) {
        let isASCII = name.utf8.allSatisfy { $0 < 0x80 }
        if isASCII, name.utf8.count > 253 { throw DomainNameError.nameTooLong }
        for label in name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !label.isEmpty else { throw DomainNameError.emptyLabel }
            // Non-ASCII labels are limited after conversion to punycode, which libpsl does internally.
            if label.allSatisfy({ $0 < 0x80 }), label.count > 63 { throw DomainNameError.labelTooLong }
        }
        for scalar in name.unicodeScalars where !isHostNameCharacter(scalar) {
            throw DomainNameError.invalidCharacter(scalar)
        }
        // TLDs are never all digits (RFC 3696 §2), which tells names from IPv4 addresses and version numbers.
        let last = name.utf8.reversed().prefix { $0 != UInt8(ascii: ".") }
        if last.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            throw DomainNameError.numericTopLevelLabel
        }
    }

    /// Letters, digits, hyphen and dot; underscore, which DNS allows outside host names (`_dmarc.…`); and any
    /// non-ASCII letter or digit, which IDNA allows (libidn2 in libpsl does the exact IDNA check).
    private static func isHostNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "0"..."9", "-", "_", ".": return true
        case _ where scalar.isASCII: return false
        default:
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil || properties.isDiacritic
                || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
        }
    }
}
