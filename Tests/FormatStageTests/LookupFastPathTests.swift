@testable import FormatStage
import RecordScanner
import Testing

/// The format stage's lookups that avoid building strings: template tokens compared a word at a time, and roles
/// compared by their bytes, must answer exactly as plain searches and `String` comparisons.
@Suite struct LookupFastPathTests {
    /// The first token at the smallest offset, longest first: the plain search the finder must agree with.
    private func naiveFirstToken(_ text: [UInt8], tokens: [[UInt8]]) -> (token: [UInt8], offset: Int)? {
        let sorted = tokens.sorted { $0.count > $1.count }
        for offset in text.indices {
            for token in sorted where offset + token.count <= text.count && Array(text[offset..<(offset + token.count)]) == token {
                return (token, offset)
            }
        }
        return nil
    }

    @Test func templateTokensAreFoundWhereAPlainSearchFindsThem() {
        let tokenSets: [[String]] = [
            FormatOptions.builtInTemplateTokens,
            FormatOptions.builtInTemplateTokens + ["<custom>", "[[x]]", "<|a_very_long_custom_token|>", "#"],
            ["<s>"],
        ]
        let fillers = ["a", "<", "[", "|", "<|", "<|im_", "[INST", "[/", "</", "<<", "SYS>>", "é", " ", "\\n", "#"]
        var random = SplitMix(seed: 0x70CE)
        for tokens in tokenSets {
            let finder = TemplateTokenFinder(tokens: tokens)
            for _ in 0..<20_000 {
                var text = ""
                // Short and long texts, tokens at either end, and candidates (`<`, `[`) that start no token.
                let pieces = random.chance(50) ? random.below(8) : 10 + random.below(60)
                for _ in 0..<pieces {
                    text += random.chance(10) ? random.pick(tokens) : random.pick(fillers)
                }
                var scanner = RecordScanner()
                let line = Array("[\"\(text)\"]".utf8)
                let record = scanner.scan(line)
                guard record.syntaxError == nil else { continue }
                let raw = Array(line[2..<(line.count - 2)])
                let expected = naiveFirstToken(raw, tokens: Set(tokens).map { Array($0.utf8) })
                let hit = finder.firstToken(in: record, node: 1)
                #expect(hit.map { Array($0.token.utf8) } == expected?.token, "\(text)")
                #expect(hit?.span.lowerBound == expected.map { $0.offset + 2 }, "\(text)")
            }
        }
    }

    @Test func roleEqualToAnAllowedRoleAsAStringIsAccepted() {
        // "e" + combining acute is canonically equivalent to "é": `String` comparison calls them equal, so the
        // role is allowed although its bytes differ, and it counts as the same role as "é" for the order rules.
        let options = FormatOptions(roles: ["\u{E9}", "user", "assistant"])
        let line = #"{"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, "#
            + #"{"role": "e\u0301", "content": "c"}, {"role": "\u00e9", "content": "d"}]}"#
        let found = diagnose(line, options: options)
        #expect(!found.contains { $0.code.rawValue == "format/unknown-role" })
        #expect(found.map(\.message).contains("conversation ends with a \u{E9} message, not assistant: the last turn is not trained on"))
    }
}

/// A small deterministic generator for the tests (SplitMix64).
private struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
}
