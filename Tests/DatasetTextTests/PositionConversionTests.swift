import DatasetText
import Testing

@Suite struct PositionConversionTests {
    @Test func asciiColumnsAreEqualInBothEncodings() {
        let document = TextDocument("{\"a\":1}\n")
        let position = document.position(ofByteOffset: 5)
        #expect(position == SourcePosition(line: 0, utf8Column: 5, utf16Column: 5))
    }

    @Test func emojiCountsFourBytesAndTwoUTF16Units() {
        // "😀" is U+1F600: 4 UTF-8 bytes, a surrogate pair in UTF-16.
        let document = TextDocument("\"😀x\"")
        let afterEmoji = document.position(line: 0, utf8Column: 5)
        #expect(afterEmoji.utf16Column == 3)
        #expect(document.position(line: 0, utf16Column: 3).utf8Column == 5)
    }

    @Test func columnInsideSurrogatePairClampsToCharacterStart() {
        let document = TextDocument("a😀b")
        #expect(document.position(line: 0, utf16Column: 2) == SourcePosition(line: 0, utf8Column: 1, utf16Column: 1))
        #expect(document.position(line: 0, utf8Column: 3) == SourcePosition(line: 0, utf8Column: 1, utf16Column: 1))
    }

    @Test func cjkIsThreeBytesAndOneUTF16Unit() {
        let document = TextDocument("中文x")
        #expect(document.position(line: 0, utf8Column: 6).utf16Column == 2)
        #expect(document.position(line: 0, utf16Column: 2).utf8Column == 6)
    }

    @Test func combiningMarksAreColumnsOfTheirOwn() {
        // "é" written as e + U+0301: two code points, 3 bytes, 2 UTF-16 units.
        let document = TextDocument("e\u{301}!")
        #expect(document.position(line: 0, utf8Column: 3).utf16Column == 2)
    }

    @Test func crlfLineEndingIsNotContent() {
        let document = TextDocument("ab\r\ncd\r\n")
        #expect(document.lineCount == 2)
        #expect(Array(document.lineContent(0)) == Array("ab".utf8))
        #expect(document.position(ofByteOffset: 3) == SourcePosition(line: 0, utf8Column: 2, utf16Column: 2))
        #expect(document.position(ofByteOffset: 4) == SourcePosition(line: 1, utf8Column: 0, utf16Column: 0))
    }

    @Test func missingFinalNewlineStillMakesALine() {
        let document = TextDocument("a\nb")
        #expect(document.lineCount == 2)
        #expect(Array(document.lineContent(1)) == [UInt8(ascii: "b")])
    }

    @Test func finalNewlineAddsNoEmptyLine() {
        #expect(TextDocument("a\nb\n").lineCount == 2)
        #expect(TextDocument("").lineCount == 1)
    }

    @Test func byteOrderMarkIsNotContent() {
        let document = TextDocument(bytes: LineIndex.byteOrderMark + Array("{}\n".utf8))
        #expect(document.lines.hasByteOrderMark)
        #expect(Array(document.lineContent(0)) == Array("{}".utf8))
    }

    @Test func invalidBytesCountAsOneUnitEach() {
        // 0xFF is never valid; 0xE2 0x82 is a truncated 3-byte sequence: one maximal subpart, one U+FFFD.
        let line: [UInt8] = [0x61, 0xFF, 0xE2, 0x82, 0x62]
        #expect(UTF8Columns.utf16Column(ofByteOffset: 5, in: line) == 4)
        #expect(UTF8Columns.byteOffset(ofUTF16Column: 3, in: line) == 4)
        #expect(UTF8Validation.firstInvalidByte(in: line) == 1)
    }

    @Test func roundTripEveryColumnOfAMixedLine() {
        let text = "{\"k\":\"héllo 😀 中 e\u{301} 👩‍👩‍👧\"}"
        let document = TextDocument(text)
        var utf16 = 0
        var utf8 = 0
        for scalar in text.unicodeScalars {
            let position = document.position(line: 0, utf8Column: utf8)
            #expect(position.utf16Column == utf16)
            #expect(document.position(line: 0, utf16Column: utf16).utf8Column == utf8)
            utf8 += String(scalar).utf8.count
            utf16 += String(scalar).utf16.count
        }
    }

    @Test func displaySafeKeepsByteColumns() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x09, 0xE4, 0xB8, 0xAD]
        let safe = UTF8Validation.displaySafe(bytes)
        #expect(safe == "a? 中")
        #expect(safe.utf8.count == bytes.count)
    }

    @Test func lineContainingOffsetUsesBinarySearch() {
        let index = LineIndex(Array("a\nbb\nccc\n".utf8))
        #expect(index.line(containingByteOffset: 0) == 0)
        #expect(index.line(containingByteOffset: 2) == 1)
        #expect(index.line(containingByteOffset: 6) == 2)
    }
}
