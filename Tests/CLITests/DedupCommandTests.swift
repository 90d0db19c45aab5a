import Foundation
import Testing

@Suite struct DedupCommandTests {
    static func chat(_ text: String) -> String {
        #"{"messages":[{"role":"user","content":"\#(text)"},{"role":"assistant","content":"Sure."}]}"#
    }

    static let question = "How do I read a large CSV file in pandas without running out of memory on my laptop today?"

    @Test func clustersAcrossFilesAreListedAsJSONWithOneBasedLines() throws {
        let scratch = try Scratch()
        let train = try scratch.write("train.jsonl", [Self.chat(Self.question), "", Self.chat("Something else entirely, about birds and their songs in spring.")].joined(separator: "\n") + "\n")
        let test = try scratch.write("test.jsonl", Self.chat(Self.question.uppercased()) + "\n")
        let result = try Datalint.run(["dedup", train, test])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(report["threshold"] as? Double == 0.8)
        #expect(report["records"] as? Int == 3)
        let clusters = try #require(report["clusters"] as? [[String: Any]])
        #expect(clusters.count == 1)
        let kept = try #require(clusters.first?["kept"] as? [String: Any])
        #expect(kept["file"] as? String == train && kept["line"] as? Int == 1)
        let member = try #require((clusters.first?["members"] as? [[String: Any]])?.first)
        #expect(member["file"] as? String == test && member["line"] as? Int == 1)
        #expect(member["similarity"] as? Double == 1)
    }

    @Test func badArgumentsAndMissingFilesExitWithTwo() throws {
        let missing = try Datalint.run(["dedup", "/nonexistent/data.jsonl"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("/nonexistent/data.jsonl: no such file"))
        #expect(try Datalint.run(["dedup", "--threshold", "1.5", "x.jsonl"]).status == 2)
        #expect(try Datalint.run(["dedup"]).status == 2)
    }
}
