import PublicSuffixes
import Testing

private let list = PublicSuffixList.builtIn

@Test func icannSuffixesArePublic() {
    #expect(list.isPublicSuffix("com"))
    #expect(list.isPublicSuffix("co.uk"))
    #expect(list.isPublicSuffix("CO.UK"))  // Lower-cased first; libpsl alone would say no.
    #expect(list.isPublicSuffix("co.uk."))  // A fully qualified name's trailing dot is dropped.
    #expect(!list.isPublicSuffix("example.co.uk"))
    #expect(!list.isPublicSuffix("google.com"))
}

@Test func privateSectionSuffixesArePublicOnlyInThatSection() {
    #expect(list.isPublicSuffix("github.io"))
    #expect(list.isPublicSuffix("github.io", in: .privateDomains))
    #expect(!list.isPublicSuffix("github.io", in: .icann))
    #expect(list.isPublicSuffix("io", in: .icann))
    #expect(list.registrableDomain(of: "octocat.github.io") == "octocat.github.io")
    #expect(list.registrableDomain(of: "docs.octocat.github.io") == "octocat.github.io")
}

@Test func registrableDomainIsSuffixPlusOneLabel() {
    #expect(list.registrableDomain(of: "a.b.example.co.uk") == "example.co.uk")
    #expect(list.publicSuffix(of: "a.b.example.co.uk") == "co.uk")
    #expect(list.registrableDomain(of: "WWW.Example.COM") == "example.com")
    #expect(list.registrableDomain(of: "example.com") == "example.com")
    #expect(list.registrableDomain(of: "co.uk") == nil)
    #expect(list.registrableDomain(of: "com") == nil)
}

@Test func wildcardAndExceptionRulesApply() {
    // *.kawasaki.jp with the exception !city.kawasaki.jp.
    #expect(list.isPublicSuffix("foo.kawasaki.jp"))
    #expect(!list.isPublicSuffix("city.kawasaki.jp"))
    #expect(list.registrableDomain(of: "www.city.kawasaki.jp") == "city.kawasaki.jp")
    #expect(list.registrableDomain(of: "a.b.foo.kawasaki.jp") == "b.foo.kawasaki.jp")
}

@Test func internationalizedNamesWorkInUTF8AndPunycode() {
    #expect(list.registrableDomain(of: "www.bücher.de") == "bücher.de")
    #expect(list.registrableDomain(of: "www.xn--bcher-kva.de") == "xn--bcher-kva.de")
    #expect(list.registrableDomain(of: "WWW.BÜCHER.DE") == "bücher.de")
    #expect(list.registrableDomain(of: "XN--BCHER-KVA.DE") == "xn--bcher-kva.de")
    // An IDN top-level domain (中国 = xn--fiqs8s) in either form.
    #expect(list.isPublicSuffix("中国"))
    #expect(list.isPublicSuffix("xn--fiqs8s"))
    #expect(list.registrableDomain(of: "www.例子.中国") == "例子.中国")
    // An IDN second-level suffix: 公司.cn.
    #expect(list.isPublicSuffix("公司.cn"))
    #expect(list.isPublicSuffix("xn--55qx5d.cn"))
}

@Test func unknownTopLevelLabelsAreSuffixesOnlyByTheImplicitRule() {
    // The PSL algorithm's implicit "*" rule makes any unknown TLD a public suffix ...
    #expect(list.isPublicSuffix("localhost"))
    #expect(list.registrableDomain(of: "build.local") == "build.local")
    // ... which hasListedSuffix tells apart from real ones.
    #expect(!list.hasListedSuffix("build.local"))
    #expect(!list.hasListedSuffix("config.json"))
    #expect(!list.hasListedSuffix("foo.test"))
    #expect(list.hasListedSuffix("example.com"))
    #expect(list.hasListedSuffix("a.b.example.co.uk"))
    #expect(list.hasListedSuffix("www.bücher.de"))
}

@Test func invalidInputIsNeitherSuffixNorRegistrable() {
    for input in ["", ".", "..com", "foo..co.uk", ".example.com", "has space.com", "*.co.uk", "user@example.com",
                  "1.2.3.4", "192.168.0.1", "1.2", "http://example.com", "example.com/path", "exa\u{0}mple.com"] {
        #expect(!list.isPublicSuffix(input), "\(input)")
        #expect(list.registrableDomain(of: input) == nil, "\(input)")
        #expect(list.publicSuffix(of: input) == nil, "\(input)")
        #expect(!list.hasListedSuffix(input), "\(input)")
    }
}
