import PublicSuffixes
import Testing

@Test func exampleDomainsAndTheirSubdomainsAreReserved() {
    for domain in ["example.com", "example.net", "example.org", "mail.example.com", "EXAMPLE.ORG.",
                   "example", "shop.example"] {
        #expect(ReservedDomain(domain: domain) == .example, "\(domain)")
    }
    #expect(ReservedDomain.example.reference == "RFC 2606")
}

@Test func specialUseTopLevelDomainsAreReserved() {
    #expect(ReservedDomain(domain: "foo.test") == .test)
    #expect(ReservedDomain(domain: "test") == .test)
    #expect(ReservedDomain(domain: "nothing.invalid") == .invalid)
    #expect(ReservedDomain(domain: "localhost") == .localhost)
    #expect(ReservedDomain(domain: "api.localhost") == .localhost)
    #expect(ReservedDomain.localhost.reference == "RFC 6761")
}

@Test func lookalikesAndRealNetworksAreNotReserved() {
    // Only whole labels count: these are real, registrable names.
    for domain in ["myexample.com", "example.co.uk", "example.com.au", "examples.com", "testing.com",
                   "test.com", "localhost.com", "invalid.org",
                   // Real machines on someone's network are left to the PII check on purpose.
                   "printer.local", "router.home.arpa", "db.internal",
                   // Not domains at all.
                   "", "127.0.0.1"] {
        #expect(ReservedDomain(domain: domain) == nil, "\(domain)")
    }
}
