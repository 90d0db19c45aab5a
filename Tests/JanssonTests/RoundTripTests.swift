import Jansson
import Testing

@Test func generatedValuesSurviveEncodeThenDecode() throws {
    var generator = JSONValueGenerator(seed: 0x5EED)
    for _ in 0..<3_000 {
        let value = generator.value()
        for options in [EncodingOptions.compact, EncodingOptions(escapesNonASCII: true, escapesSlash: true),
                        EncodingOptions(indentation: 3)] {
            let encoded = try value.encoded(options: options)
            #expect(try JSONValue.decode(encoded) == value)
        }
    }
}

@Test func reencodingDecodedTextIsStable() throws {
    var generator = JSONValueGenerator(seed: 42)
    for _ in 0..<1_000 {
        let once = try generator.value().encoded()
        #expect(try JSONValue.decode(once).encoded() == once)
    }
}

/// The LSP carries whole documents in one string: 200 MB must go through both ways intact.
@Test func twoHundredMegabyteStringRoundTrips() throws {
    let size = 200 * 1024 * 1024
    var text = [UInt8](repeating: UInt8(ascii: "a"), count: size + 2)
    text[0] = UInt8(ascii: "\"")
    text[size + 1] = UInt8(ascii: "\"")
    // Something to escape in the middle and multibyte text at the end, so neither path is skipped.
    text.replaceSubrange((size / 2)..<(size / 2 + 2), with: Array(#"\n"#.utf8))
    text.replaceSubrange((size - 3)..<(size + 1), with: Array("😀".utf8))
    let value = try JSONValue.decode(text)
    let string = try #require(value.stringValue)
    #expect(string.utf8.count == size - 1)
    #expect(string.hasSuffix("a😀"))
    #expect(try value.encoded() == text)
}
