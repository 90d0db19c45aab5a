import Foundation
import Testing

@Suite struct OutputFormatTests {
    @Test func humanOutputLooksLikeACompilerWithCaretUnderTheRange() throws {
        let scratch = try Scratch()
        let file = try scratch.write("typo.jsonl", Records.typo + "\n")
        let result = try Datalint.run(["check", "typo.jsonl"], in: scratch.url)
        _ = file
        let expected = try String(contentsOf: Bundle.module.url(forResource: "typo.human", withExtension: "txt",
                                                                 subdirectory: "Fixtures")!, encoding: .utf8)
        #expect(result.standardOutput == expected)
    }

    @Test func jsonOutputHasEveryFieldWithUTF8OrUTF16Columns() throws {
        let scratch = try Scratch()
        let file = try scratch.write("emoji.jsonl", Records.emojiTypo + "\n")
        let utf8 = try jsonLines(try Datalint.run(["check", "--format", "json", "--select", "format/unknown-role", file]).standardOutput)
        let utf16 = try jsonLines(try Datalint.run(["check", "--format", "json", "--columns", "utf16", "--select", "format/unknown-role", file]).standardOutput)
        let prefix = #"{"messages":[{"role":"user","content":"👋🏽 hi"},{"role":"#
        #expect(utf8.first?["column"] as? Int == prefix.utf8.count + 1)
        #expect(utf16.first?["column"] as? Int == prefix.utf16.count + 1)
        #expect(utf8.first?["column"] as? Int != utf16.first?["column"] as? Int)
        for key in ["file", "line", "column", "endLine", "endColumn", "severity", "code", "message"] {
            #expect(utf8.first?[key] != nil, "missing \(key)")
        }
        #expect(utf8.first?["severity"] as? String == "error")
    }

    @Test func sarifOutputIsAValidSARIF21Log() throws {
        let scratch = try Scratch()
        let file = try scratch.write("typo.jsonl", Records.typo + "\n")
        let result = try Datalint.run(["check", "--format", "sarif", file])
        let log = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let run = (log?["runs"] as? [[String: Any]])?.first
        let results = run?["results"] as? [[String: Any]] ?? []
        #expect(results.contains { $0["ruleId"] as? String == "format/unknown-role" })
        let region = ((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 1)
        #expect(result.standardError.contains("checked 1 file, 1 record"))
    }

    @Test func quietDropsTheSummary() throws {
        let scratch = try Scratch()
        let file = try scratch.write("clean.jsonl", Records.good + "\n")
        #expect(try Datalint.run(["check", "--quiet", file]).standardOutput.isEmpty)
    }

    @Test func colourIsOffForPipesAndOnWhenAsked() throws {
        let scratch = try Scratch()
        let file = try scratch.write("typo.jsonl", Records.typo + "\n")
        #expect(!(try Datalint.run(["check", file]).standardOutput.contains("\u{1B}[")))
        #expect(try Datalint.run(["check", "--color", "always", file]).standardOutput.contains("\u{1B}["))
    }
}
