@testable import RecordScanner
import Testing

/// The string queries the checks run on every record without decoding: blank content and name lookups.
@Suite struct StringQueryTests {
    @Test func whiteSpaceTableIsUnicodesWhiteSpaceProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(JSONStringDecoder.isWhiteSpace(value) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test func blankStringsAreThoseWhoseEveryCharacterIsWhitespace() {
        // Raw text and escapes of white space, combining marks that join a space's character, and visible text.
        let pieces = [
            " ", "\\t", "\\n", "\\r", "\\r\\n", "\\f", "\\u000b", "\\u0020", "\\u00a0", "\\u00A0", "\u{A0}", "\u{3000}",
            "\\u3000", "\u{2028}", "\\u2029", "\u{85}", "\u{1680}", "\\u200a", "\u{202F}", "\u{205F}", "\u{301}",
            "\\u0301", "\u{20DD}", "\u{200D}", "\u{FE0F}", "\\u200b", "\u{200B}", "a", "\\u0041", "你", "\\u4f60", "😀",
            "\\ud83d\\ude00", "\u{1F3FB}", "\\\\", "\\\"", "\\/", "\\b", "\u{7F}", "\\u0000", "\u{E0020}", "\u{1160}",
        ]
        var random = SplitMix(seed: 0xB1A4)
        var blanks = 0
        for _ in 0..<30_000 {
            var text = ""
            for _ in 0..<random.below(6) {
                text += random.chance(70) ? random.pick(Array(pieces.prefix(20))) : random.pick(pieces)
            }
            var scanner = RecordScanner()
            let record = scanner.scan(Array("[\"\(text)\"]".utf8))
            #expect(record.syntaxError == nil, "\(text)")
            guard record.syntaxError == nil else { continue }
            let expected = record.string(1).allSatisfy { $0.isWhitespace }
            #expect(record.isBlankString(1) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            if expected { blanks += 1 }
        }
        #expect(blanks > 1_000)
    }

    @Test func nameTableFindsWhatKeyEqualsFinds() {
        let names = ["role", "content", "weight", "tool_calls", "tool_call_id", "function_call", "name", "", "a",
                     "reasoning_content", "contents", "conten", "é", "ro"]
        let table = NameTable(names)
        let candidates = names + ["Role", "rolf", "tool_callx", "tool_call_ie", "reasoning_contenT", "\\u0072ole",
                                  "tool\\u005fcalls", "e\u{301}", "\\u00e9", "x", "function_cal"]
        for candidate in candidates {
            // At the end of the line too, where fewer than eight bytes follow the name.
            for line in ["{\"\(candidate)\": 1}", "[\"\(candidate)\"]", "\"\(candidate)\""] {
                var scanner = RecordScanner()
                let record = scanner.scan(Array(line.utf8))
                let node = record.nodes.firstIndex { $0.kind == .string }!
                let expected = names.firstIndex { record.keyEquals(node, $0) }
                #expect(table.firstIndex(matching: node, in: record) == expected, "\(line)")
            }
        }
        #expect(table.firstIndex(of: UnsafeRawBufferPointer(start: nil, count: 0)) == names.firstIndex(of: ""))
    }
}
