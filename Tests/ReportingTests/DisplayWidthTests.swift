@testable import Reporting
import Testing

@Test(arguments: [
    ("a", 1), ("~", 1), ("é", 1), ("e\u{301}", 1), ("…", 1), ("Ж", 1), ("❤", 1),
    ("日", 2), ("語", 2), ("한", 2), ("\u{1100}\u{1161}", 2), ("Ａ", 2), ("、", 2), ("ア", 2),
    ("😀", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("❤️", 2), ("1️⃣", 2),
    ("\t", DisplayWidth.tabWidth), ("\u{200B}", 0), ("\u{301}", 0),
    ("\u{1B}", 1), ("\u{85}", 1), ("\r\n", 2),
])
func displayWidthOfOneCharacter(text: String, cells: Int) {
    #expect(DisplayWidth.of(text) == cells)
}

@Test func displayWidthOfTextAddsItsCharacters() {
    #expect(DisplayWidth.of("ab日本😀\t") == 2 + 4 + 2 + DisplayWidth.tabWidth)
}

@Test func terminalTextMakesControlCharactersVisible() {
    #expect(TerminalText.visible("a\u{0}b\u{1B}c\u{7F}d\u{85}e\tf\r\n") == "a␀b␛c␡d\u{FFFD}e    f␍␊")
}

@Test func terminalTextLeavesOrdinaryTextAlone() {
    let text = "plain, 日本語 and 😀"
    #expect(TerminalText.visible(text) == text)
}
