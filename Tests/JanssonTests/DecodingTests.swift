import Jansson
import Testing

/// The error jansson gives for `text`, or nil when it decodes.
func decodingError(_ text: String) -> JanssonError? {
    decodingError(Array(text.utf8))
}

func decodingError(_ bytes: [UInt8]) -> JanssonError? {
    do {
        _ = try JSONValue.decode(bytes)
        return nil
    } catch {
        return error
    }
}

@Test func everyKindOfValueDecodes() throws {
    let value = try JSONValue.decode(#"{"n": null, "t": true, "f": false, "i": -42, "r": 2.5, "s": "x", "a": [1, [2]], "o": {}}"#)
    #expect(value["n"] == .null)
    #expect(value["t"]?.boolValue == true)
    #expect(value["f"]?.boolValue == false)
    #expect(value["i"]?.int64Value == -42)
    #expect(value["i"]?.intValue == -42)
    #expect(value["r"]?.doubleValue == 2.5)
    #expect(value["s"]?.stringValue == "x")
    #expect(value["a"]?[1]?[0] == 2)
    #expect(value["o"]?.objectValue?.isEmpty == true)
    #expect(value["missing"] == nil)
    #expect(value["a"]?[5] == nil)
}

@Test func scalarsAreWholeTexts() throws {
    #expect(try JSONValue.decode("\"just a string\"") == "just a string")
    #expect(try JSONValue.decode(" 7 ") == 7)
    #expect(try JSONValue.decode("null") == .null)
}

@Test func integersAndRealsStayApart() throws {
    #expect(try JSONValue.decode("1") == .integer(1))
    #expect(try JSONValue.decode("1.0") == .real(1.0))
    #expect(try JSONValue.decode("1e2") == .real(100))
    #expect(try JSONValue.decode("1.0").intValue == nil)
}

@Test func int64BoundsDecodeExactly() throws {
    #expect(try JSONValue.decode("9223372036854775807") == .integer(.max))
    #expect(try JSONValue.decode("-9223372036854775808") == .integer(.min))
}

@Test func integersBeyondInt64AreNumericOverflow() throws {
    for text in ["9223372036854775808", "-9223372036854775809", "[123456789012345678901234567890]"] {
        let error = try #require(decodingError(text), "\(text)")
        #expect(error.kind == .numericOverflow, "\(text)")
    }
}

@Test func realsBeyondDoubleAreNumericOverflowButUnderflowIsZero() throws {
    #expect(decodingError("1e309")?.kind == .numericOverflow)
    #expect(decodingError("-1.7976931348623159e308")?.kind == .numericOverflow)
    #expect(try JSONValue.decode("1.7976931348623157e308") == .real(.greatestFiniteMagnitude))
    #expect(try JSONValue.decode("1e-400") == .real(0))
}

@Test func escapesAndNonASCIIDecodeToTheirCharacters() throws {
    let value = try JSONValue.decode(#"["\"\\\/\b\f\n\r\t", "\u00e9\u4E2D", "\ud83d\ude00", "é中😀👩‍👩‍👧", "e\u0301"]"#)
    #expect(value == ["\"\\/\u{8}\u{C}\n\r\t", "é中", "😀", "é中😀👩‍👩‍👧", "e\u{301}"])
}

@Test func nulEscapeDecodesToANulCharacter() throws {
    let value = try JSONValue.decode(#"["a\u0000b", "\u0000"]"#)
    #expect(value[0]?.stringValue == "a\u{0}b")
    #expect(value[0]?.stringValue?.utf8.count == 3)
    #expect(value[1]?.stringValue == "\u{0}")
}

@Test func nulEscapeInAKeyIsRefusedByJansson() throws {
    let error = try #require(decodingError(#"{"a\u0000": 1}"#))
    #expect(error.kind == .nulByteInKey)
}

@Test func rawNulByteIsAnError() {
    #expect(decodingError([0x22, 0x61, 0x00, 0x22]) != nil)
    #expect(decodingError([0x00]) != nil)
}

@Test func loneSurrogateEscapesAreInvalidSyntax() throws {
    for text in [#"["\ud800"]"#, #"["\udc00"]"#, #"["\ud800\u0041"]"#, #"["\ud800x"]"#] {
        let error = try #require(decodingError(text), "\(text)")
        #expect(error.kind == .invalidSyntax, "\(text)")
        #expect(error.text.contains("invalid Unicode"), "\(text)")
    }
}

@Test func invalidUTF8IsReportedAsSuch() throws {
    for bytes: [UInt8] in [[0x22, 0xC3, 0x28, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0xFF]] {
        let error = try #require(decodingError(bytes))
        #expect(error.kind == .invalidUTF8, "\(bytes)")
    }
}

@Test func errorCarriesLineColumnAndBytePosition() throws {
    let error = try #require(decodingError("{\"a\": 1,\n \"b\" 2}"))
    #expect(error.kind == .invalidSyntax)
    #expect(error.line == 2)
    #expect(error.column == 6)
    #expect(error.position == 15)
    #expect(error.text == "':' expected near '2'")
    #expect(error.description.hasPrefix("line 2, column 6, byte 15: "))
}

@Test func columnsCountCharactersAndPositionsCountBytes() throws {
    // jansson reports where it stopped: after the bad token, counted in characters and in bytes.
    let error = try #require(decodingError(#"["é😀", x]"#))
    #expect(error.column == 8)
    #expect(error.position == 12)
}

@Test func emptyAndTruncatedInputArePrematureEnd() throws {
    #expect(decodingError("")?.kind == .prematureEndOfInput)
    #expect(decodingError("  ")?.kind == .prematureEndOfInput)
    #expect(decodingError(#"{"a": [1, 2"#)?.kind == .prematureEndOfInput)
}

@Test func trailingContentIsEndOfInputExpected() throws {
    #expect(decodingError(#"{} {}"#)?.kind == .endOfInputExpected)
}

@Test func duplicateKeysKeepTheFirstPositionAndTheLastValue() throws {
    let value = try JSONValue.decode(#"{"a": 1, "b": 2, "a": 3}"#)
    #expect(value.objectValue?.keys == ["a", "b"])
    #expect(value["a"] == 3)
    #expect(throws: JanssonError(kind: .duplicateKey, text: "duplicate object key near '\"a\"'",
                                 line: 1, column: 20, position: 20)) {
        try JSONValue.decode(#"{"a": 1, "b": 2, "a": 3}"#, rejectingDuplicateKeys: true)
    }
}

@Test func slicesAndNonContiguousCollectionsDecode() throws {
    let bytes = Array("xx[1,2]yy".utf8)
    #expect(try JSONValue.decode(bytes[2..<7]) == [1, 2])
    #expect(try JSONValue.decode(Array("[3]".utf8).lazy.map { $0 }) == [3])
}

@Test func acceptsAgreesWithDecode() {
    #expect(JanssonParser.accepts(Array("[1]".utf8)))
    #expect(!JanssonParser.accepts(Array("[1,]".utf8)))
    #expect(throws: JanssonError.self) { try JanssonParser.validate(Array("tru".utf8)) }
}
