@testable import Configuration
import Testing

/// `line:column` (1-based, UTF-8 columns) of a position, as the CLI prints it.
private func key(_ path: [String], in text: String) -> String {
    TOMLKeyLocator(text: text).keyPosition(of: path).description
}

private func value(_ path: [String], in text: String) -> String {
    TOMLKeyLocator(text: text).valuePosition(of: path).description
}

@Test func locatesTableHeadersAndTheirKeys() {
    let text = """
        # comment
        [check]
        select = ["format"]
          fail_on   =  "warning"

        [format]
        max_depth = 10
        """
    #expect(key(["check"], in: text) == "2:1")
    #expect(key(["check", "select"], in: text) == "3:1")
    #expect(key(["check", "fail_on"], in: text) == "4:3")
    #expect(value(["check", "fail_on"], in: text) == "4:16")
    #expect(key(["format"], in: text) == "6:1")
    #expect(value(["format", "max_depth"], in: text) == "7:13")
}

@Test func locatesQuotedKeys() {
    let text = """
        [severity]
        "format/unknown-key" = "error"
        'pii/email' = "off"
        "tab\\tkey" = "info"
        [ "quoted section" ]
        """
    #expect(key(["severity", "format/unknown-key"], in: text) == "2:1")
    #expect(value(["severity", "format/unknown-key"], in: text) == "2:24")
    #expect(key(["severity", "pii/email"], in: text) == "3:1")
    #expect(key(["severity", "tab\tkey"], in: text) == "4:1")
    #expect(key(["quoted section"], in: text) == "5:1")
}

@Test func multiLineStringsAndArraysHideKeyLikeText() {
    let text = #"""
        [check]
        select = [
          "format",   # not = a key
          "pii",
        ]
        waivers = """
        fail_on = "never"
        """
        ignore = []
        """#
    let locator = TOMLKeyLocator(text: text)
    #expect(locator.keyPosition(of: ["check", "ignore"]).description == "9:1")
    // `fail_on` appears only inside a string, so it is not located and falls back to its table's header.
    #expect(locator.keyPosition(of: ["check", "fail_on"]).description == "1:1")
    #expect(locator.elementPosition(of: ["check", "select"], index: 0).description == "3:3")
    #expect(locator.elementPosition(of: ["check", "select"], index: 1).description == "4:3")
}

@Test func locatesArrayElementsOnOneLine() {
    let text = #"roles = ["user", 'bot', 3, ["nested", "list"], {inline = 1}, 1979-05-27 07:32:00, true]"#
    let locator = TOMLKeyLocator(text: text)
    let columns = (0..<7).map { locator.elementPosition(of: ["roles"], index: $0).utf8Column + 1 }
    #expect(columns == [10, 18, 25, 28, 48, 62, 83])
    // An index past the end points at the value.
    #expect(locator.elementPosition(of: ["roles"], index: 7).description == "1:9")
}

@Test func dottedKeysAndInlineTablesAreLocated() {
    let text = """
        check.fail_on = "error"
        format = { max_depth = 5, roles = ["user"] }
        [stages]
        pii . strict = true
        """
    #expect(key(["check", "fail_on"], in: text) == "1:1")
    #expect(key(["check"], in: text) == "1:1")
    #expect(key(["format"], in: text) == "2:1")
    #expect(key(["format", "max_depth"], in: text) == "2:12")
    #expect(value(["format", "roles"], in: text) == "2:35")
    #expect(key(["stages", "pii", "strict"], in: text) == "4:1")
    #expect(key(["stages", "pii"], in: text) == "4:1")
}

@Test func unlocatedPathsFallBackToTheirNearestAncestor() {
    let text = """
        [check]
        plugins = [{ name = "x" }]
        """
    #expect(key(["check", "plugins", "name"], in: text) == "2:1")
    #expect(key(["nowhere", "at", "all"], in: text) == "1:1")
}

@Test func columnsCountUTF8BytesAndUTF16Units() {
    let text = "\"é🌍\" = 1\n[t]\n\"ключ\" = 2"
    let locator = TOMLKeyLocator(text: text)
    let position = locator.valuePosition(of: ["é🌍"])
    #expect(position.utf8Column == 11)
    #expect(position.utf16Column == 8)
    #expect(locator.keyPosition(of: ["t", "ключ"]).description == "3:1")
}

@Test func arrayTablesAreLocatedAtTheirFirstHeader() {
    let text = """
        [[plugin]]
        name = "a"
        [[plugin]]
        name = "b"
        """
    #expect(key(["plugin"], in: text) == "1:1")
    #expect(key(["plugin", "name"], in: text) == "2:1")
}

@Test func crlfLineEndingsAndByteOrderMark() {
    let text = "\u{FEFF}[check]\r\nfail_on = \"x\"\r\n"
    #expect(key(["check"], in: text) == "1:1")
    #expect(value(["check", "fail_on"], in: text) == "2:11")
}
