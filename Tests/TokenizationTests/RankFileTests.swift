import Foundation
import Testing
@testable import Tokenization

private func parse(_ text: String) throws(RankFileError) -> RankTable {
    try RankFile.parse(Array(text.utf8))
}

@Test func aRankFileMapsTokenBytesToRanks() throws {
    let table = try parse("YQ== 0\nYg== 1\nYWI= 2\nYWJj 3\n/w== 4\n")
    #expect(table.count == 5)
    #expect(table.rank(of: Array("a".utf8)) == 0)
    #expect(table.rank(of: Array("ab".utf8)) == 2)
    #expect(table.rank(of: Array("abc".utf8)) == 3)
    #expect(table.rank(of: [0xFF]) == 4)
    #expect(table.rank(of: Array("ba".utf8)) == nil)
    #expect(table.bytes(ofRank: 3) == Array("abc".utf8))
    #expect(table.bytes(ofRank: 9) == nil)
}

@Test func blankLinesAndCRLFAreAcceptedAsTiktokenAcceptsThem() throws {
    let table = try parse("YQ== 0\r\n\r\nYg== 1\n\n")
    #expect(table.count == 2)
    #expect(table.rank(of: Array("b".utf8)) == 1)
}

@Test func badBase64NamesItsLine() {
    #expect(throws: RankFileError.self) { try parse("YQ== 0\n\nY!== 1\n") }
    do {
        _ = try parse("YQ== 0\n\nY!== 1\n")
    } catch {
        guard case .malformedLine(let line, let reason) = error else { Issue.record("\(error)"); return }
        #expect(line == 3)
        #expect(reason.contains("\"!\" at character 2 is not a base64 digit"))
        #expect(error.description.hasPrefix("line 3: invalid base64 \"Y!==\""))
    }
}

@Test(arguments: [
    ("YQ==0\n", 1, "expected a base64 token, a space and a rank"),
    ("YQ== 0\nYWJ 1\n", 2, "its length is not a multiple of 4"),
    ("YQ== 0\nYR== 1\n", 2, "nonzero bits before the padding"),
    ("YQ== x1\n", 1, "is not a decimal number"),
    ("YQ== \n", 1, "expected a rank"),
    ("YQ== 0\nYg== 1\nYQ=a 2\n", 3, "not a base64 digit"),
    ("YQ== 0\n 1\n", 2, "the token is empty"),
])
func malformedLinesAreRefusedWithTheirNumber(text: String, line: Int, reason: String) {
    do {
        _ = try parse(text)
        Issue.record("parsed \(text.debugDescription)")
    } catch {
        guard case .malformedLine(let number, let message) = error else { Issue.record("\(error)"); return }
        #expect(number == line)
        #expect(message.contains(reason), "\(message)")
    }
}

@Test func repeatedTokensAndRanksAreRefusedWithTheLaterLine() {
    #expect(throws: RankFileError.invalidToken(line: 3, .duplicateBytes(index: 2))) {
        try parse("YQ== 0\nYg== 1\nYQ== 2\n")
    }
    #expect(throws: RankFileError.invalidToken(line: 2, .duplicateRank(index: 1, rank: 0))) {
        try parse("YQ== 0\nYg== 0\n")
    }
    #expect(RankFileError.invalidToken(line: 2, .duplicateRank(index: 1, rank: 0)).description
        == "line 2: rank 0 is already used by an earlier line")
}

@Test func anEmptyOrMissingFileIsAnError() {
    #expect(throws: RankFileError.empty) { try parse("\n\n") }
    #expect(throws: RankFileError.self) { try RankFile.load(path: "/nonexistent/cl100k_base.tiktoken") }
}

@Test func aLargeTableFindsEveryToken() throws {
    // Many tokens sharing prefixes and lengths: every one must be found at its rank, and near misses must not.
    var tokens: [(bytes: [UInt8], rank: Int)] = []
    for index in 0..<50_000 {
        tokens.append((Array("t\(index)".utf8) + Array(repeating: UInt8(index % 7), count: index % 23), index))
    }
    let table = try RankTable(tokens)
    for token in tokens {
        #expect(table.rank(of: token.bytes) == token.rank)
    }
    #expect(table.rank(of: Array("t50000".utf8)) == nil)
    #expect(table.rank(of: Array("t1".utf8) + [1, 1]) == nil)
}
