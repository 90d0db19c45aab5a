import RecordScanner
import Testing

func scan(_ text: String) -> ParsedRecord {
    var scanner = RecordScanner()
    return scanner.scan(Array(text.utf8))
}

func scanBytes(_ bytes: [UInt8]) -> ParsedRecord {
    var scanner = RecordScanner()
    return scanner.scan(bytes)
}

@Suite struct RecordScannerTests {
    @Test func everyValueCarriesItsByteSpan() throws {
        let record = scan(#"{"role": "user", "n": [1, true, null]}"#)
        #expect(record.syntaxError == nil)
        let root = try #require(record.rootObject)
        let role = try #require(record.value(forKey: "role", in: root))
        #expect(record.rawText(role) == "\"user\"")
        #expect(record[role].span == 9..<15)
        let list = try #require(record.value(forKey: "n", in: root))
        #expect(record.elements(of: list).map { record.rawText($0) } == ["1", "true", "null"])
    }

    @Test func missingCommaInObjectNamesWhatWasExpected() throws {
        let record = scan(#"{"a": 1 "b": 2}"#)
        let error = try #require(record.syntaxError)
        #expect(error.offset == 8)
        #expect(error.message == "expected ',' or '}' after object member, found '\"'")
    }

    @Test func trailingCommaIsRejectedAtTheClosingBrace() throws {
        let error = try #require(scan(#"{"a": 1,}"#).syntaxError)
        #expect(error.offset == 8)
        #expect(error.message.hasPrefix("expected '\"' to start an object key"))
    }

    @Test func unterminatedStringPointsAtItsStart() throws {
        let error = try #require(scan(#"{"a": "abc"#).syntaxError)
        #expect(error.offset == 6)
        #expect(error.message.contains("unterminated string"))
    }

    @Test func rawControlCharacterInStringIsRejected() throws {
        let error = try #require(scanBytes(Array("[\"a\tb\"]".utf8)).syntaxError)
        #expect(error.offset == 3)
        #expect(error.message.contains("\\t"))
    }

    @Test func nulByteIsRejectedWithItsLocation() throws {
        let error = try #require(scanBytes([0x7B, 0x00, 0x7D]).syntaxError)
        #expect(error.offset == 1)
        #expect(error.message.contains("NUL"))
    }

    @Test func loneSurrogateEscapesAreReported() throws {
        let high = try #require(scan(#"["\uD83D x"]"#).syntaxError)
        #expect(high.message.contains("lone high surrogate"))
        let low = try #require(scan(#"["\uDE00"]"#).syntaxError)
        #expect(low.message.contains("lone low surrogate"))
        #expect(scan(#"["\uD83D\uDE00"]"#).syntaxError == nil)
    }

    @Test func invalidUTF8IsAnEncodingErrorAtTheBadByte() throws {
        let error = try #require(scanBytes([0x5B, 0x22, 0x61, 0xC3, 0x28, 0x22, 0x5D]).syntaxError)
        #expect(error.kind == .encoding)
        #expect(error.offset == 3)
        #expect(error.message.contains("0xC3 starts a 2-byte character but 0x28 follows it"))
    }

    @Test func overlongAndSurrogateEncodingsAreInvalidUTF8() {
        #expect(scanBytes([0x22, 0xC0, 0xAF, 0x22]).syntaxError?.kind == .encoding)
        #expect(scanBytes([0x22, 0xED, 0xA0, 0x80, 0x22]).syntaxError?.kind == .encoding)
        #expect(scanBytes([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]).syntaxError?.kind == .encoding)
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000)
        let error = try #require(scan(deep).syntaxError)
        #expect(error.kind == .depth)
        #expect(error.offset == RecordScanner.defaultMaxDepth)
        let justDeepEnough = String(repeating: "[", count: 2048) + String(repeating: "]", count: 2048)
        #expect(scan(justDeepEnough).syntaxError == nil)
    }

    @Test func duplicateKeysAreFoundEvenWhenEscaped() throws {
        let record = scan(#"{"role": "user", "r\u006fle": "assistant"}"#)
        #expect(record.syntaxError == nil)
        let duplicate = try #require(record.duplicateKeys.first)
        #expect(record[duplicate.firstKeyNode].start == 1)
        #expect(record[duplicate.keyNode].start == 17)
    }

    @Test func duplicateKeysInLargeObjectsAreFound() {
        let keys = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k7\": 0"]
        let record = scan("{" + keys.joined(separator: ", ") + "}")
        #expect(record.duplicateKeys.count == 1)
    }

    @Test func numbersFollowTheStrictGrammar() {
        for valid in ["0", "-0", "1.5", "-12e+3", "1E-7", "123456789012345678901234567890"] {
            #expect(scan("[\(valid)]").syntaxError == nil, "\(valid)")
        }
        for invalid in ["01", "1.", ".5", "-", "1e", "+1", "0x10", "NaN", "Infinity"] {
            #expect(scan("[\(invalid)]").syntaxError != nil, "\(invalid)")
        }
    }

    @Test func trailingContentAfterTheValueIsRejected() throws {
        let error = try #require(scan(#"{"a":1} x"#).syntaxError)
        #expect(error.offset == 8)
    }

    @Test func escapedStringsDecode() throws {
        let record = scan(#"["a\"b\\c\/\n\u00e9\ud83d\ude00"]"#)
        #expect(record.string(1) == "a\"b\\c/\né😀")
    }

    @Test func blankStringsIncludeEscapedWhitespace() {
        let record = scan(#"["", "  ", "\n\t", "\u00a0", " x"]"#)
        #expect(record.elements(of: 0).map { record.isBlankString($0) } == [true, true, true, true, false])
    }

    @Test func siblingsAreReachedWithoutWalkingChildren() throws {
        let record = scan(#"{"a": {"b": [1, {"c": 2}]}, "d": 3}"#)
        let root = try #require(record.rootObject)
        #expect(record.members(of: root).map { record.string($0.key) } == ["a", "d"])
    }

    @Test func scannerIsReusableAcrossLines() {
        var scanner = RecordScanner()
        var record = ParsedRecord()
        let lines = Array(#"{"a":1}"#.utf8) + [0x0A] + Array("[x]".utf8)
        scanner.scan(lines, lineRange: 0..<7, lineNumber: 0, into: &record)
        #expect(record.isValidJSON)
        scanner.scan(lines, lineRange: 8..<11, lineNumber: 1, into: &record)
        #expect(record.syntaxError?.offset == 1)
        #expect(record.lineNumber == 1)
    }

    @Test func positionsOfNodesAccountForMultibyteText() throws {
        let record = scan(#"{"😀": "中", "k": x}"#)
        let error = try #require(record.syntaxError)
        let position = record.position(atByteOffset: error.offset)
        #expect(position.utf8Column == 21)
        #expect(position.utf16Column == 17)
    }
}
