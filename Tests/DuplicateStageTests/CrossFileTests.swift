import Diagnostics
import DuplicateStage
import RecordScanner
import Testing

@Suite struct EvaluationFilesTests {
    let defaults = EvaluationFiles(patterns: ["**/test*.jsonl", "**/eval/**", "**/*benchmark*"])

    @Test func doubleStarSpansAnyNumberOfDirectories() {
        #expect(defaults.contains("test.jsonl"))
        #expect(defaults.contains("data/splits/test_hard.jsonl"))
        #expect(defaults.contains("eval/a.jsonl"))
        #expect(defaults.contains("data/eval/x/y.jsonl"))
        #expect(defaults.contains("mmlu_benchmark.jsonl.gz"))
    }

    @Test func otherFilesAreTrainingData() {
        #expect(!defaults.contains("train.jsonl"))
        #expect(!defaults.contains("data/contest.jsonl"))
        #expect(!defaults.contains("evaluation.jsonl"))
        #expect(!defaults.contains("data/evals/a.jsonl"))
    }

    @Test func starAndQuestionMarkStayWithinOneComponent() {
        let patterns = EvaluationFiles(patterns: ["holdout/*.jsonl", "split?.jsonl"])
        #expect(patterns.contains("holdout/a.jsonl"))
        #expect(!patterns.contains("holdout/deep/a.jsonl"))
        #expect(patterns.contains("splitä.jsonl"))
        #expect(!patterns.contains("split.jsonl"))
    }
}

@Suite struct CrossFileMatcherTests {
    func snapshot(_ file: String, _ lines: [String], evaluation: Bool = false) -> FileDuplicates {
        let stage = DuplicateStage()
        var scanner = RecordScanner()
        var aggregate = stage.makeAggregate()
        var ignored: [Diagnostic] = []
        for (number, line) in lines.enumerated() {
            aggregate.absorb(stage.check(scanner.scan(Array(line.utf8), lineNumber: number), into: &ignored), line: number)
        }
        return aggregate.snapshot(file: file, isEvaluation: evaluation)
    }

    @Test func eachRecordGetsItsStrongestMatchInAnotherFile() throws {
        let text = words(120).joined(separator: " ")
        var edited = words(120)
        edited[60] = "changed"
        let train = snapshot("train.jsonl", [#"{"text":"\#(text)"}"#, chat("Q1", "A1"), chat("Q2", "A2")])
        let test = snapshot("test.jsonl", [chat("Q2", "other"), #"{"text":"\#(edited.joined(separator: " "))"}"#, chat("Q1", "A1")],
                            evaluation: true)
        let matches = CrossFileMatcher(threshold: 0.8).matches([train, test])
        let kinds = matches[0].map { "\($0.record.line):\($0.other.line):\($0.kind)" }
        #expect(kinds.count == 3)
        #expect(kinds[1] == "1:2:exact")
        #expect(kinds[2] == "2:0:prompt")
        guard case .near(let similarity) = matches[0][0].kind else { Issue.record("expected a near match: \(kinds)"); return }
        #expect(similarity >= 0.8)
        #expect(matches[1].allSatisfy { !$0.otherIsEvaluation && $0.otherFile == "train.jsonl" })
    }

    @Test func diagnosticsSayLeakageBetweenTrainingAndEvaluationAndPointAtTheOtherFile() throws {
        let train = snapshot("train.jsonl", [chat("Q1", "A1")])
        let test = snapshot("test.jsonl", [chat("Q1", "A1")], evaluation: true)
        let more = snapshot("more.jsonl", [chat("Q1", "A1")])
        let matches = CrossFileMatcher(threshold: 0.8).matches([train, test, more])
        let onTrain = try #require(CrossFileReport.diagnostic(for: matches[0][0], inEvaluationFile: false))
        #expect(onTrain.code == "dup/leakage" && onTrain.severity == .error)
        #expect(onTrain.related.first?.file == "test.jsonl")
        let onMore = try #require(matches[2].first)
        // more.jsonl's record is in train.jsonl too, but being in the evaluation file is what matters.
        let onMoreDiagnostic = CrossFileReport.diagnostic(for: onMore, inEvaluationFile: false)
        #expect(onMoreDiagnostic?.code == "dup/leakage")
        #expect(onMore.otherFile == "test.jsonl")
        #expect(onTrain.range.end.utf8Column == chat("Q1", "A1").utf8.count)
    }

    @Test func aSharedPromptBetweenTwoTrainingFilesIsNoFinding() {
        let first = snapshot("a.jsonl", [chat("Q1", "A1")])
        let second = snapshot("b.jsonl", [chat("Q1", "A2")])
        let matches = CrossFileMatcher(threshold: 0.8).matches([first, second])
        #expect(matches.allSatisfy { $0.isEmpty })
    }
}
