import Foundation
import Testing

/// `datalint tokens`: one count per line, exact with the rank files the test script installs.
@Suite struct TokensCommandTests {
    @Test func eachLineIsCountedAsPlainText() throws {
        let result = try Datalint.run(["tokens"], input: Array("hello world\n\nThe quick brown fox\n".utf8))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "2\n0\n4\n")
    }

    @Test func theEncodingCanBeChosen() throws {
        // "hello world" is two tokens in both encodings; a long number splits differently (3 digits a piece in both).
        let result = try Datalint.run(["tokens", "--encoding", "o200k_base"], input: Array("hello world\n1234567\n".utf8))
        #expect(result.standardOutput == "2\n3\n")
        let unknown = try Datalint.run(["tokens", "--encoding", "p50k"], input: [])
        #expect(unknown.status != 0 && unknown.standardError.contains("unknown --encoding 'p50k'"))
    }

    @Test func aChatRecordIsCountedAsTheCookbookCountsAConversation() throws {
        // 3 for the reply + per message 3 + its role and content: user (1) + hello world (2), assistant (1) + Hi (1).
        let record = #"{"messages":[{"role":"user","content":"hello world"},{"role":"assistant","content":"Hi"}]}"#
        let prompt = #"{"prompt":"hello world","completion":"Hi"}"#
        let result = try Datalint.run(["tokens", "--records"], input: Array((record + "\n" + prompt + "\n").utf8))
        #expect(result.standardOutput == "14\n3\n")
    }

    @Test func aLineThatIsNotJSONStopsWithItsPlace() throws {
        let scratch = try Scratch()
        let file = try scratch.write("bad.jsonl", #"{"prompt":"a","completion":"b"}"# + "\n" + #"{"prompt": [1,"# + "\n")
        let result = try Datalint.run(["tokens", "--records", file])
        #expect(result.status == 2)
        #expect(result.standardOutput == "2\n")  // a (1) + b (1)
        #expect(result.standardError.contains("bad.jsonl:2:"))
    }
}

@Suite struct StatsCommandTests {
    @Test func jsonStatisticsAgreeWithTokenCountsPerRecord() throws {
        let scratch = try Scratch()
        let lines = [#"{"messages":[{"role":"user","content":"hello world"},{"role":"assistant","content":"Hi"}]}"#,
                     #"{"messages":[{"role":"user","content":"What is BPE?"},{"role":"assistant","content":"Byte-pair encoding."}]}"#]
        let file = try scratch.write("chat.jsonl", lines.joined(separator: "\n") + "\n")
        let stats = try Datalint.run(["stats", "--format", "json", "--epochs", "2", file])
        #expect(stats.status == 0, "\(stats.standardError)")
        let report = try #require(try jsonLines(stats.standardOutput).first)
        let perRecord = try Datalint.run(["tokens", "--records", file]).standardOutput.split(separator: "\n").compactMap { Int($0) }
        let tokens = try #require(report["tokens"] as? [String: Any])
        #expect(tokens["total"] as? Int == perRecord.reduce(0, +))
        #expect(report["records"] as? Int == 2)
        let trained = try #require(report["trainedTokens"] as? [String: Any])
        #expect(report["trainingTokens"] as? Int == (trained["total"] as? Int ?? -1) * 2)
        let human = try Datalint.run(["stats", file])
        #expect(human.standardOutput.contains("2 records (0 blank lines, 0 not valid JSON objects)"))
        #expect(human.standardOutput.contains("tokens per record"))
    }
}
