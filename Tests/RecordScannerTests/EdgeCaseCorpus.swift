/// Hand-picked pieces of almost-JSON: where parsers most often disagree with RFC 8259 or with each other.
enum EdgeCaseCorpus {
    /// Numbers that are valid JSON, including ones beyond Int64 or Double (jansson refuses those).
    static let wellFormedNumbers: [String] = [
        "0", "-0", "0.0", "-0.0", "1E+2", "1e-2", "123.456e-7",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "123456789012345678901234567890",
        "1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309",
        "-1e309", "1E+400", "1e99999999999999999999", "1e-400", "2.2250738585072014e-308", "4.9e-324", "2e-324",
        "0e99999", "0E-99999", "1e0000000000000000001", "1e-99999999999999999999",
        "1" + String(repeating: "0", count: 310),
        "1" + String(repeating: "0", count: 310) + ".5",
        "0." + String(repeating: "0", count: 400) + "1",
        "1" + String(repeating: "0", count: 400) + "e-400",
    ]

    /// Tokens written where a value belongs: broken numbers and literals, bad escapes, and valid oddities.
    static let values: [[UInt8]] = (wellFormedNumbers + [
        "01", "00", "-01", "1.", "-", "-.5", ".5", "1e", "1e+", "1E-", "+1", "0x10", "1.5e", "--1", "1..2",
        "1e1.5", "1.e5", "Infinity", "-Infinity", "NaN", "nan", "inf",
        "tru", "nul", "fals", "True", "NULL", "truee", "nulll", "undefined", "t", "n", "f",
        #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\ud800\ud800""#, #""\udbff""#, #""\ud800x""#,
        #""\u12""#, #""\u12G4""#, #""\x41""#, #""\'""#, #""\U0041""#, #""\a""#, #""\0""#, "'single'",
        #""unterminated"#, #""a\"#, "\"a\u{1}b\"", "\"tab\there\"", "\"new\nline\"",
        #""\u0000""#, #""\uD800\uDC00""#, #""\uDBFF\uDFFF""#, #""\uFFFF""#, #""""#, "\"\u{7F}\"",
    ]).map { Array($0.utf8) }

    /// Byte sequences inserted anywhere: invalid UTF-8, non-JSON white space, valid multibyte characters,
    /// structural characters and broken tokens.
    static let insertions: [[UInt8]] = invalidUTF8 + nonJSONWhitespace + validMultibyte + [
        ",", ",,", "[]", "{}", ":", "]", "}", "\"", "\\", "//", "/*x*/", "tru", "nul", "NaN", "Infinity",
        "01", "1.", "-", "1e", "1e400", "99999999999999999999", "\u{0}", " \u{0}", "\u{0}\u{0}",
    ].map { Array($0.utf8) }

    /// Inserted just inside a string: escapes good and bad, raw control characters, and the bytes above.
    static let stringContents: [[UInt8]] = [
        #"\ud800"#, #"\udc00"#, #"\ud800\u0041"#, #"\ud800\udc00"#, #"\uDBFF\uDFFF"#, #"\u0000"#, #"\u00"#,
        #"\uZZZZ"#, #"\x41"#, #"\'"#, #"\U0041"#, "\\", #"\\"#, #"\""#, "\u{1}", "\t", "\u{7F}", "\u{0}",
    ].map { Array($0.utf8) } + invalidUTF8 + nonJSONWhitespace + validMultibyte

    static let invalidUTF8: [[UInt8]] = [
        [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xE0, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0xAF],
        [0xF0, 0x8F, 0xBF, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
        [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80], [0xBF], [0xFE], [0xFF], [0xC3],
        [0xC3, 0x28], [0xE2, 0x28, 0xA1], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ]

    /// White space to people, not to JSON: form feed, vertical tab, NBSP, LS, PS, BOM, ideographic space, NEL.
    static let nonJSONWhitespace: [[UInt8]] = [
        [0x0C], [0x0B], [0xC2, 0xA0], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xEF, 0xBB, 0xBF],
        [0xE3, 0x80, 0x80], [0xC2, 0x85], [0x85],
    ]

    /// Valid characters at the edges of each UTF-8 length.
    static let validMultibyte: [[UInt8]] = [
        [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
        [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    ]

    /// Every edge value in a few positions, with and without white space around it.
    static var lines: [[UInt8]] {
        let contexts: [(String, String)] = [
            ("", ""), (" ", "\t"), ("[", "]"), (#"{"a":"#, "}"), ("[1,", "]"), ("[", ",1]"), (#"{"a":["#, "]}"),
            (#"{"#, #":1}"#), ("[", "\u{0}]"), ("", "\u{0}"),
        ]
        var lines: [[UInt8]] = []
        for value in values + insertions {
            for (before, after) in contexts {
                lines.append(Array(before.utf8) + value + Array(after.utf8))
            }
        }
        return lines + stringsWithOneSpecialByte
    }

    /// Plain ASCII strings with one byte that needs attention at every offset across three 8-byte words, so
    /// the scanner's word-at-a-time loop and its byte-at-a-time tail both meet every kind of byte.
    static var stringsWithOneSpecialByte: [[UInt8]] {
        let specials: [[UInt8]] = [[0x00], [0x01], [0x1F], [0x20], [0x7F], [0x22], [0x5C], [0x5C, 0x6E], [0x80],
                                   [0xC3, 0xA9], [0xC3], [0xF0, 0x9F, 0x98, 0x80], [0xED, 0xA0, 0x80]]
        var lines: [[UInt8]] = []
        for special in specials {
            for offset in 0..<24 {
                let padding = [UInt8](repeating: UInt8(ascii: "a"), count: offset)
                let rest = [UInt8](repeating: UInt8(ascii: "b"), count: 23 - offset)
                lines.append([0x22] + padding + special + rest + [0x22])
            }
        }
        return lines
    }
}
