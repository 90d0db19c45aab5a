import Testing
import TextNormalization

private let everything = Normalizer(options: .all)
private let unchanged = Normalizer(options: .none)

@Test func combiningSequenceComposesToPrecomposedLetter() {
    let nfc = Normalizer(options: NormalizationOptions(caseFold: false))
    #expect(nfc.normalize("e\u{0301}") == Array("é".utf8))
    #expect(nfc.normalize("e\u{0301}") == nfc.normalize("\u{00E9}"))
    // Canonical reordering: the two marks below and above come out in one order whatever order they came in.
    #expect(nfc.normalize("a\u{0323}\u{0302}") == nfc.normalize("a\u{0302}\u{0323}"))
}

@Test func nfcIsSkippedWhenSwitchedOff() {
    let raw = Normalizer(options: NormalizationOptions(unicodeNFC: false, caseFold: false))
    #expect(raw.normalize("e\u{0301}") == Array("e\u{0301}".utf8))
}

@Test func caseFoldingExpandsSharpS() {
    #expect(Normalizer().normalizedString("Straße") == "strasse")
    #expect(Normalizer().normalize("STRASSE") == Normalizer().normalize("straße"))
}

@Test func caseFoldingUnifiesAllThreeSigmas() {
    let folded = Normalizer().normalizedString("ΣΟΦΟΣ σοφος σοφοσ")
    #expect(folded == "σοφοσ σοφοσ σοφοσ")
}

@Test func caseFoldingOfDottedCapitalIIsNotTurkishSpecific() {
    // Full (non-Turkic) case folding: İ → i + U+0307 COMBINING DOT ABOVE, which has no precomposed form.
    #expect(Normalizer().normalizedString("İ") == "i\u{0307}")
    // And plain I folds to i, not to dotless ı.
    #expect(Normalizer().normalizedString("I") == "i")
}

@Test func caseIsKeptWhenFoldingIsSwitchedOff() {
    let keepCase = Normalizer(options: NormalizationOptions(caseFold: false))
    #expect(keepCase.normalizedString("Hello ÉTÉ") == "Hello ÉTÉ")
}

@Test func asciiPunctuationIsStrippedButSymbolsAreKept() {
    #expect(everything.normalizedString("Hello, world! (It's $5 + tax.)") == "hello world its $5 + tax")
}

@Test func cjkAndOtherUnicodePunctuationIsStripped() {
    #expect(everything.normalizedString("你好，世界。「引用」") == "你好世界引用")
    #expect(everything.normalizedString("«Bonjour» — dit-il…") == "bonjour ditil")
}

@Test func whitespaceRunsCollapseToOneSpaceAndAreTrimmed() {
    #expect(everything.normalizedString("  a\t\tb \n\n c  ") == "a b c")
    // No-break space, ideographic space and line separator are white space too.
    #expect(everything.normalizedString("a\u{00A0}b\u{3000}c\u{2028}d") == "a b c d")
}

@Test func whitespaceIsKeptWhenCollapsingIsSwitchedOff() {
    let keepSpace = Normalizer(options: NormalizationOptions(collapseWhitespace: false))
    #expect(keepSpace.normalizedString(" A\t b ") == " a\t b ")
}

@Test func strippedPunctuationBetweenSpacesLeavesOneSpace() {
    #expect(everything.normalizedString("a - b") == "a b")
}

@Test func invalidUTF8BecomesReplacementCharacters() {
    let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x41, 0xE2, 0x82]
    let normalized = String(decoding: Normalizer().normalize(bytes), as: UTF8.self)
    #expect(normalized == "a\u{FFFD}b\u{FFFD}a\u{FFFD}")
}

@Test func noOptionsLeavesValidTextAlone() {
    let text = "  Ça   va? E\u{0301}TÉ  "
    #expect(unchanged.normalize(text) == Array(text.utf8))
    #expect(unchanged.normalize(Array(text.utf8)) == Array(text.utf8))
}

@Test func emptyInputGivesEmptyOutput() {
    #expect(everything.normalize("").isEmpty)
    #expect(everything.normalize([UInt8]()).isEmpty)
    #expect(everything.normalize("  \t ").isEmpty)
}

@Test func asciiTableAgreesWithUtf8proc() {
    // An ASCII character followed by a non-ASCII one goes through utf8proc (it may be the base of a combining
    // mark); followed by ASCII, it goes through the byte table. Both must treat every ASCII character alike.
    for options in [NormalizationOptions(), .all, .none] {
        let normalizer = Normalizer(options: options)
        for byte in UInt8(0)..<0x80 {
            let table = normalizer.normalize([0x78, byte, 0x79])  // x, byte, y
            let utf8proc = normalizer.normalize([0x78, byte] + Array("é".utf8))
            #expect(Array(table.dropLast()) + Array("é".utf8) == utf8proc, "byte \(byte), \(options)")
        }
    }
}

@Test func stringAndBytesInputsAgree() {
    let text = "Ünïcödé  TEXT, with\u{2003}spaces…"
    #expect(everything.normalize(text) == everything.normalize(Array(text.utf8)))
    #expect(everything.normalize(text) == everything.normalize(Array(text.utf8)[...]))
}
