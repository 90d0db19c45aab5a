/// The kinds of sensitive values datalint can redact, each with the placeholder it is replaced by.
public enum SensitiveKind: String, Sendable, CaseIterable {
    case email, phone, paymentCard, iban, ssn, ipv4, ipv6, macAddress, urlCredentials, dateOfBirth, secret

    /// The typed placeholder: `[EMAIL]`, `[PHONE]`, …
    public var placeholder: String {
        switch self {
        case .email: "[EMAIL]"
        case .phone: "[PHONE]"
        case .paymentCard: "[CARD]"
        case .iban: "[IBAN]"
        case .ssn: "[SSN]"
        case .ipv4, .ipv6: "[IP]"
        case .macAddress: "[MAC]"
        case .urlCredentials: "[CREDENTIALS]"
        case .dateOfBirth: "[DATE]"
        case .secret: "[SECRET]"
        }
    }
}

/// How a value is replaced.
public enum RedactionStrategy: Sendable, Equatable {
    /// A typed placeholder such as `[EMAIL]`.
    case placeholder
    /// Letters and digits hidden with `*`, but the last `keepLast` of them and every separator kept:
    /// `**** **** **** 4242`.
    case mask(keepLast: Int)
    /// A stable keyed hash (HMAC-SHA256, first 16 hex digits): `[EMAIL:3f2a…]`. The same value and key always
    /// give the same hash, so records stay linkable without the value being recoverable.
    case hash
    /// A fake of the same kind and format: the same value always maps to the same fake across a dataset (keyed),
    /// and the fake is valid of its kind (a card passes Luhn with a test issuer prefix, an email uses a reserved
    /// domain, an IBAN has correct check digits) so that data stays realistic.
    case synthetic
}
