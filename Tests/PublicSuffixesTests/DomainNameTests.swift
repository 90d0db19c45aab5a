import PublicSuffixes
import Testing

@Test func normalizationLowercasesAndDropsTheTrailingDot() throws {
    #expect(try DomainName("WWW.Example.COM.").text == "www.example.com")
    #expect(try DomainName("BÜCHER.De").text == "bücher.de")
    #expect(try DomainName("XN--BCHER-KVA.DE").text == "xn--bcher-kva.de")
    #expect(try DomainName("_dmarc.example.com").labels == ["_dmarc", "example", "com"])
}

@Test func malformedNamesSayWhatIsWrong() {
    #expect(throws: DomainNameError.empty) { try DomainName("") }
    #expect(throws: DomainNameError.empty) { try DomainName(".") }
    #expect(throws: DomainNameError.emptyLabel) { try DomainName("a..b.com") }
    #expect(throws: DomainNameError.emptyLabel) { try DomainName(".example.com") }
    #expect(throws: DomainNameError.labelTooLong) { try DomainName(String(repeating: "a", count: 64) + ".com") }
    let long = Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: ".") + ".com"
    #expect(throws: DomainNameError.nameTooLong) { try DomainName(long) }
    #expect(throws: DomainNameError.invalidCharacter(" ")) { try DomainName("has space.com") }
    #expect(throws: DomainNameError.invalidCharacter("*")) { try DomainName("*.example.com") }
    #expect(throws: DomainNameError.invalidCharacter("@")) { try DomainName("bob@example.com") }
    #expect(throws: DomainNameError.invalidCharacter("🙂")) { try DomainName("🙂.example.com") }
    #expect(throws: DomainNameError.numericTopLevelLabel) { try DomainName("10.0.0.1") }
    #expect(throws: DomainNameError.numericTopLevelLabel) { try DomainName("v1.2") }
}
