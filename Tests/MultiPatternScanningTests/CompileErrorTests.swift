import MultiPatternScanning
import Testing

@Test func invalidPatternErrorNamesThePatternAndVectorscansMessage() throws {
    let patterns = [
        Pattern(id: 10, expression: "fine"),
        Pattern(id: 11, expression: "(unclosed"),
    ]
    let error = #expect(throws: PatternCompileError.self) { try PatternDatabase(patterns) }
    #expect(error?.index == 1)
    #expect(error?.pattern == patterns[1])
    #expect(error?.message.contains("parenthesis") == true, "\(String(describing: error))")
    #expect(error?.description.contains("(unclosed") == true)
}

@Test func unsupportedConstructIsACompileError() throws {
    // Back-references are outside Vectorscan's dialect.
    let error = #expect(throws: PatternCompileError.self) {
        try PatternDatabase([Pattern(id: 1, expression: #"(a)\1"#)])
    }
    #expect(error?.index == 0)
    #expect(error?.message.isEmpty == false)
}

@Test func patternMatchingEmptyStringNeedsAllowEmpty() throws {
    #expect(throws: PatternCompileError.self) { try PatternDatabase([Pattern(id: 1, expression: "a*")]) }
    _ = try PatternDatabase([Pattern(id: 1, expression: "a*", flags: [.allowEmpty])])
}

@Test func expressionWithNULByteIsRefusedBeforeVectorscanSeesIt() throws {
    let error = #expect(throws: PatternCompileError.self) {
        try PatternDatabase([Pattern(id: 5, expression: "ab\u{0}cd")])
    }
    #expect(error?.index == 0)
    #expect(error?.message.contains("NUL") == true)
}

@Test func emptyPatternSetIsAnErrorForTheWholeSet() throws {
    let error = #expect(throws: PatternCompileError.self) { try PatternDatabase([]) }
    #expect(error?.pattern == nil)
    #expect(error?.index == nil)
}

@Test func singleMatchCannotBeCombinedWithLeftmostStart() throws {
    // A Vectorscan restriction worth knowing when writing the pii stage's pattern table.
    let error = #expect(throws: PatternCompileError.self) {
        try PatternDatabase([Pattern(id: 1, expression: "abc", flags: [.singleMatch, .leftmostStart])])
    }
    #expect(error?.message.contains("HS_FLAG_SINGLEMATCH") == true)
}
