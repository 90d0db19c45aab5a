import Foundation
import Testing

@Suite struct DuplicateTests {
    let capital = #"{"messages":[{"role":"user","content":"What is the capital of France?"},{"role":"assistant","content":"Paris."}]}"#
    let colors = #"{"messages":[{"role":"user","content":"Name three primary colors."},{"role":"assistant","content":"Red, yellow and blue."}]}"#
    let hamlet = #"{"messages":[{"role":"user","content":"Who wrote Hamlet?"},{"role":"assistant","content":"William Shakespeare."}]}"#

    @Test func aRecordRepeatedInAnEvaluationFileIsLeakageOnBothSides() throws {
        let scratch = try Scratch()
        try scratch.write("data/train.jsonl", [capital, colors].joined(separator: "\n") + "\n")
        try scratch.write("data/eval/test.jsonl", capital + "\n")
        let result = try Datalint.run(["check", "data"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("data/eval/test.jsonl:1:1: error[dup/leakage]: exact duplicate of line 1 of data/train.jsonl"))
        #expect(result.standardOutput.contains("data/train.jsonl:1:1: error[dup/leakage]: exact duplicate of line 1 of data/eval/test.jsonl"))
        #expect(result.standardOutput.contains("note: data/eval/test.jsonl:1:1: the evaluation record"))
        #expect(!result.standardOutput.contains("train.jsonl:2:1"))
    }

    @Test func aSharedPromptLeaksOnlyIntoEvaluationFiles() throws {
        let scratch = try Scratch()
        let otherAnswer = hamlet.replacingOccurrences(of: "William Shakespeare.", with: "Shakespeare, around 1600.")
        try scratch.write("train.jsonl", hamlet + "\n")
        try scratch.write("more.jsonl", otherAnswer + "\n")
        try scratch.write("test.jsonl", otherAnswer + "\n")
        let result = try Datalint.run(["check", "--format", "json", "train.jsonl", "more.jsonl", "test.jsonl"], in: scratch.url)
        let found = try jsonLines(result.standardOutput).compactMap { line -> String? in
            guard let code = line["code"] as? String, let file = line["file"] as? String else { return nil }
            return "\(file) \(code)"
        }
        // test.jsonl repeats more.jsonl exactly (leakage) and train.jsonl's prompt (leakage); train and more share only a
        // prompt, which between two training files is normal.
        #expect(found.sorted() == ["more.jsonl dup/leakage", "test.jsonl dup/leakage", "train.jsonl dup/leakage"])
    }

    @Test func evaluationPatternsComeFromTheConfiguration() throws {
        let scratch = try Scratch()
        try scratch.write("datalint.toml", "[dedup]\nevaluation_files = [\"holdout/*.jsonl\"]\n")
        try scratch.write("a.jsonl", colors + "\n")
        try scratch.write("holdout/b.jsonl", colors + "\n")
        try scratch.write("test.jsonl", capital + "\n")
        let result = try Datalint.run(["check", "a.jsonl", "holdout/b.jsonl", "test.jsonl"], in: scratch.url)
        #expect(result.standardOutput.contains("holdout/b.jsonl:1:1: error[dup/leakage]"))
        #expect(result.standardOutput.contains("a.jsonl:1:1: error[dup/leakage]"))
    }

    @Test func twoTrainingFilesSharingARecordGetAWarningThatCanBeIgnored() throws {
        let scratch = try Scratch()
        try scratch.write("a.jsonl", colors + "\n")
        try scratch.write("b.jsonl", colors + "\n")
        let result = try Datalint.run(["check", "a.jsonl", "b.jsonl"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("b.jsonl:1:1: warning[dup/cross-file]: exact duplicate of line 1 of a.jsonl"))
        let ignored = try Datalint.run(["check", "--ignore", "dup/cross-file", "a.jsonl", "b.jsonl"], in: scratch.url)
        #expect(!ignored.standardOutput.contains("dup/"))
    }

    @Test func fixDeletesByteIdenticalRepeatsAndKeepsTheFirst() throws {
        let scratch = try Scratch()
        let normalized = capital.replacingOccurrences(of: "What is", with: "what   is")
        let file = try scratch.write("a.jsonl", [capital, colors, capital, normalized].joined(separator: "\n") + "\n")
        let result = try Datalint.run(["check", "--fix", file])
        #expect(try scratch.read("a.jsonl") == [capital, colors, normalized].joined(separator: "\n") + "\n")
        #expect(result.standardOutput.contains("a.jsonl:3:1: warning[dup/exact]: duplicate after normalization of the record on line 1"))
    }

    @Test func aDuplicateCanBeWaived() throws {
        let scratch = try Scratch()
        let file = try scratch.write("a.jsonl", [colors, colors].joined(separator: "\n") + "\n")
        _ = try Datalint.run(["check", "--add-waivers", file], in: scratch.url)
        let result = try Datalint.run(["check", file], in: scratch.url)
        #expect(!result.standardOutput.contains("dup/exact"), "\(result.standardOutput)")
    }

    @Test func aLeakageWaiverIsNotStaleWhenTheEvaluationFileIsNotChecked() throws {
        let scratch = try Scratch()
        try scratch.write("train.jsonl", colors + "\n")
        try scratch.write("test.jsonl", colors + "\n")
        _ = try Datalint.run(["check", "--add-waivers", "train.jsonl", "test.jsonl"], in: scratch.url)
        #expect(try scratch.read(".datalint-waivers").contains("dup/leakage"))
        let alone = try Datalint.run(["check", "train.jsonl"], in: scratch.url)
        #expect(!alone.standardOutput.contains("waiver/stale"), "\(alone.standardOutput)")
        let both = try Datalint.run(["check", "train.jsonl", "test.jsonl"], in: scratch.url)
        #expect(!both.standardOutput.contains("dup/leakage") && !both.standardOutput.contains("waiver/stale"))
        #expect(both.standardOutput.contains("2 waived"), "\(both.standardOutput)")
    }
}
