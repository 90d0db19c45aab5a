/// Names reserved so that they can never belong to anyone (RFC 2606, RFC 6761): an address at one of them in
/// a dataset is a placeholder, not personal data, so datalint reports it as information rather than a leak.
///
/// Only names that are guaranteed never to resolve on the Internet are here. `.local` (mDNS, RFC 6762),
/// `home.arpa` (RFC 8375) and `.internal` are left out on purpose: they name real machines on someone's
/// network, which is exactly what a PII scan should flag.
public enum ReservedDomain: Sendable, Hashable, CustomStringConvertible {
    /// example.com, example.net, example.org (RFC 2606 §3) and anything under them, or under the `.example`
    /// top-level domain (RFC 2606 §2).
    case example
    /// The `.test` top-level domain (RFC 2606 §2, RFC 6761 §6.2).
    case test
    /// The `.invalid` top-level domain (RFC 2606 §2, RFC 6761 §6.4).
    case invalid
    /// `localhost` and anything under it (RFC 2606 §2, RFC 6761 §6.3).
    case localhost

    /// The reservation `domain` falls under, or nil for an ordinary (or malformed) name.
    public init?(domain: String) {
        guard let name = try? DomainName(domain) else { return nil }
        self.init(name)
    }

    /// The reservation `name` falls under, or nil for an ordinary name.
    public init?(_ name: DomainName) {
        if name.isWithin("example") || name.isWithin("example.com") || name.isWithin("example.net")
            || name.isWithin("example.org") {
            self = .example
        } else if name.isWithin("test") {
            self = .test
        } else if name.isWithin("invalid") {
            self = .invalid
        } else if name.isWithin("localhost") {
            self = .localhost
        } else {
            return nil
        }
    }

    /// The RFC that reserves the name, for diagnostic messages.
    public var reference: String {
        switch self {
        case .example: "RFC 2606"
        case .test, .invalid, .localhost: "RFC 6761"
        }
    }

    public var description: String {
        switch self {
        case .example: "example domain"
        case .test: "test domain"
        case .invalid: "invalid domain"
        case .localhost: "localhost"
        }
    }
}
