import Foundation
import Testing
import Tokenization

/// The cases of `Fixtures/tiktoken-parity.json` (written by bench/tokens/make_parity_fixture.py with tiktoken from
/// PyPI): each string with tiktoken's token count and a hash of its token ids, per encoding.
private struct ParityFixture: Decodable {
    let tiktoken: String
    let encodings: [String]
    let cases: [Case]

    struct Case: Decodable {
        let text: String
        /// Encoding name → (count, FNV-1a of the ids).
        let expected: [String: (count: Int, idsHash: String)]

        private struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            text = try container.decode(String.self, forKey: Key(stringValue: "text"))
            var expected: [String: (Int, String)] = [:]
            for key in container.allKeys where key.stringValue != "text" {
                var pair = try container.nestedUnkeyedContainer(forKey: key)
                expected[key.stringValue] = (try pair.decode(Int.self), try pair.decode(String.self))
            }
            self.expected = expected
        }
    }

    static func load() throws -> ParityFixture {
        let url = try #require(Bundle.module.url(forResource: "tiktoken-parity", withExtension: "json",
                                                 subdirectory: "Fixtures"))
        return try JSONDecoder().decode(ParityFixture.self, from: Data(contentsOf: url))
    }
}

/// FNV-1a (64-bit) of the ids as little-endian 32-bit values, as reference.fnv1a64 computes it.
private func fnv1a64(_ tokens: [Int]) -> String {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    for token in tokens {
        for shift in stride(from: 0, to: 32, by: 8) {
            value ^= UInt64((token >> shift) & 0xFF)
            value = value &* 0x100_0000_01B3
        }
    }
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

@Test(.enabled(if: Installed.isFound(.cl100kBase), Installed.notInstalled))
func cl100kCountsMatchTiktokenOnEveryFixtureString() throws {
    try checkParity(.cl100kBase)
}

@Test(.enabled(if: Installed.isFound(.o200kBase), Installed.notInstalled))
func o200kCountsMatchTiktokenOnEveryFixtureString() throws {
    try checkParity(.o200kBase)
}

private func checkParity(_ encoding: BPEEncoding) throws {
    let fixture = try ParityFixture.load()
    #expect(fixture.cases.count >= 5000)
    let tokenizer = try Installed.tokenizer(encoding)
    let session = tokenizer.makeSession()
    var countMismatches: [String] = []
    var idMismatches: [String] = []
    var checked = 0
    for item in fixture.cases {
        let expected = try #require(item.expected[encoding.name], "no \(encoding.name) count for \(item.text.debugDescription)")
        let tokens = session.encode(item.text)
        let count = session.count(item.text)
        checked += 1
        if count != expected.count || tokens.count != expected.count {
            countMismatches.append("\(item.text.debugDescription): datalint \(count) (encode: \(tokens.count)), tiktoken \(expected.count)")
        } else if fnv1a64(tokens) != expected.idsHash {
            idMismatches.append("\(item.text.debugDescription): same count \(count), different ids \(tokens)")
        }
    }
    #expect(checked == fixture.cases.count)
    #expect(countMismatches.isEmpty,
            "\(countMismatches.count) of \(checked) \(encoding.name) counts differ from tiktoken \(fixture.tiktoken); first: \(countMismatches.prefix(5).joined(separator: "\n"))")
    #expect(idMismatches.isEmpty,
            "\(idMismatches.count) of \(checked) \(encoding.name) id sequences differ; first: \(idMismatches.prefix(5).joined(separator: "\n"))")
}
