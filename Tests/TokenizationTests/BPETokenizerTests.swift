import Foundation
import Testing
@testable import Tokenization

/// A byte-level vocabulary (every byte, rank = byte value) plus `merges` from rank 256 on.
private func tinyTokenizer(_ merges: [String], pattern: String = #"\S+|\s+"#) throws -> BPETokenizer {
    var tokens = (0...255).map { (bytes: [UInt8($0)], rank: $0) }
    for (offset, merge) in merges.enumerated() { tokens.append((Array(merge.utf8), 256 + offset)) }
    let encoding = BPEEncoding(name: "tiny", pattern: pattern, rankCount: tokens.count)
    return try BPETokenizer(encoding: encoding, ranks: RankTable(tokens))
}

@Test func piecesThatAreTokensNeedNoMergingAndOthersAreMerged() throws {
    let tokenizer = try tinyTokenizer(["he", "ll", "hell", "hello", " w"])
    #expect(tokenizer.encode("hello") == [259])
    #expect(tokenizer.encode("hell hello") == [258, 32, 259])
    #expect(tokenizer.encode("help") == [256, Int(UInt8(ascii: "l")), Int(UInt8(ascii: "p"))])
    #expect(tokenizer.count("hello  hello") == 4)  // "  " is not a token: two spaces
    #expect(tokenizer.count("") == 0)
}

@Test func aSessionCountsLikeTheTokenizerAndCanBeReused() throws {
    let tokenizer = try tinyTokenizer(["ab", "abab"])
    let session = tokenizer.makeSession()
    for text in ["abab ab", "x", "", "ababab  ab", String(repeating: "ab", count: 500)] {
        #expect(session.count(text) == tokenizer.count(text))
        #expect(session.encode(text) == tokenizer.encode(text))
        #expect(session.encode(text).count == session.count(text))
        #expect(tokenizer.decodeBytes(session.encode(text)) == Array(text.utf8))
    }
}

@Test func invalidUTF8CountsAsReplacementCharacters() throws {
    let tokenizer = try tinyTokenizer([])
    let session = tokenizer.makeSession()
    let bytes: [UInt8] = [0x61, 0xFF, 0x62]
    let count = bytes.withUnsafeBytes { session.count(utf8: $0) }
    #expect(count == session.count("a\u{FFFD}b"))
    // The same replacement as Python's bytes.decode("utf-8", "replace"): one U+FFFD per maximal invalid part.
    let mixed: [UInt8] = [0x61, 0xE2, 0x82, 0x62, 0xFF, 0xC0, 0x80, 0xF0, 0x9F, 0x98]
    let replaced = "a\u{FFFD}b\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
    #expect(mixed.withUnsafeBytes { session.count(utf8: $0) } == session.count(replaced))
    let ascii = Array("plain ascii".utf8).withUnsafeBytes { session.count(utf8: $0) }
    #expect(ascii == session.count("plain ascii"))
}

@Test func aVocabularyWithoutEveryByteIsRefused() {
    let encoding = BPEEncoding(name: "partial", pattern: #"\S+"#, rankCount: 2)
    #expect(throws: TokenizerError.self) {
        try BPETokenizer(encoding: encoding, ranks: RankTable([(bytes: [UInt8]([0x61]), rank: 0), (bytes: [UInt8]([0x62]), rank: 1)]))
    }
}

@Test func aPatternPCRE2CannotCompileIsReported() throws {
    do {
        _ = try tinyTokenizer([], pattern: "(")
        Issue.record("compiled")
    } catch let error as TokenizerError {
        guard case .pattern = error else { Issue.record("\(error)"); return }
    }
}

// With the real vocabularies, when installed (the parity tests cover thousands of strings; these pin a few ids).

private let installed = Installed.isFound(.cl100kBase) && Installed.isFound(.o200kBase)
private let notInstalled = Installed.notInstalled

@Test(.enabled(if: installed, notInstalled))
func knownIdsOfBothEncodings() throws {
    let cl100k = try Installed.tokenizer(.cl100kBase)
    let o200k = try Installed.tokenizer(.o200kBase)
    #expect(cl100k.encode("hello world") == [15339, 1917])
    #expect(o200k.encode("hello world") == [24912, 2375])
    #expect(cl100k.encode("<|endoftext|>").count > 1)  // special-token text is ordinary text
    #expect(cl100k.ranks.count == 100_256)
    #expect(o200k.ranks.count == 199_998)
}

@Test(.enabled(if: installed, notInstalled))
func hugeTextsRoundTripThroughEncodeAndDecode() throws {
    // Each is one long piece (or very many), far past the length where merging switches to the heap.
    let tokenizer = try Installed.tokenizer(.o200kBase)
    let texts = [
        String(repeating: " ", count: 100_000) + "end",
        String(repeating: "\n", count: 50_000),
        String(repeating: "ab", count: 50_000),
        String(repeating: "👨‍👩‍👧‍👦", count: 2_000),
        (0..<20_000).map { String($0) }.joined(separator: ","),
    ]
    for text in texts {
        let tokens = tokenizer.encode(text)
        #expect(tokenizer.decodeBytes(tokens) == Array(text.utf8))
        #expect(tokenizer.count(text) == tokens.count)
    }
}

@Test(.enabled(if: installed, notInstalled))
func tokenizersCanBeSharedAcrossTasks() async throws {
    let tokenizer = try Installed.tokenizer(.cl100kBase)
    let text = "Concurrent sessions share one vocabulary. 共享词表。"
    let expected = tokenizer.count(text)
    let counts = await withTaskGroup(of: Int.self) { group in
        for _ in 0..<8 {
            group.addTask {
                let session = tokenizer.makeSession()
                return (0..<200).reduce(0) { total, _ in total + session.count(text) }
            }
        }
        return await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(counts == Array(repeating: expected * 200, count: 8))
}
