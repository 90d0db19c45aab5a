import Diagnostics
import DuplicateStage
import Testing

@Suite struct NearDuplicateStageTests {
    /// Two texts of 200 words whose 5-word shingle sets have Jaccard similarity about `similarity`: the second
    /// replaces evenly spaced words, each replacement changing the five shingles around it.
    func pair(similarity: Double) -> (String, String) {
        let original = words(200)
        var edited = original
        // J = (n − 5e)/(n + 5e) for e isolated edits among n shingles: e = n(1 − J)/(5(1 + J)).
        let edits = Int((196.0 * (1 - similarity) / (5 * (1 + similarity))).rounded())
        let step = edited.count / max(edits, 1)
        for index in 0..<edits { edited[index * step + step / 2] = "edit\(index)" }
        return (#"{"text":"\#(original.joined(separator: " "))"}"#, #"{"text":"\#(edited.joined(separator: " "))"}"#)
    }

    @Test func aNearDuplicateAboveTheThresholdPointsAtTheRecordKept() throws {
        let (original, edited) = pair(similarity: 0.92)
        let diagnostics = diagnoseFile([original, #"{"text":"something else"}"#, edited])
        #expect(found(diagnostics) == ["dup/near@3"])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.related.map(\.range.start.line) == [0])
        #expect(diagnostic.message.contains("line 1"))
        #expect(diagnostic.fixes.first?.isPreferred == false)
    }

    @Test func recordsWellBelowTheThresholdAreNotReported() {
        let (original, edited) = pair(similarity: 0.55)
        #expect(found(diagnoseFile([original, edited])).isEmpty)
    }

    @Test func theThresholdIsConfigurable() {
        let (original, edited) = pair(similarity: 0.6)
        #expect(found(diagnoseFile([original, edited], options: DuplicateOptions(threshold: 0.8))).isEmpty)
        #expect(found(diagnoseFile([original, edited], options: DuplicateOptions(threshold: 0.4))) == ["dup/near@2"])
    }

    @Test func aClusterKeepsItsFirstRecordAndReportsEveryOtherMember() {
        let (original, edited) = pair(similarity: 0.95)
        let (_, other) = pair(similarity: 0.9)
        let diagnostics = diagnoseFile([edited, original, other])
        #expect(found(diagnostics) == ["dup/near@2", "dup/near@3"])
        #expect(diagnostics.allSatisfy { $0.related.first?.range.start.line == 0 })
    }

    @Test func exactDuplicatesAreNotReportedAgainAsNear() {
        let (original, edited) = pair(similarity: 0.92)
        #expect(found(diagnoseFile([original, original, edited])) == ["dup/exact@2", "dup/near@3"])
    }

    @Test func answersThatDifferOnlyInPunctuationAreNoConflict() {
        let question = words(30).joined(separator: " ")
        let answer = words(60, from: 100).joined(separator: " ")
        let lines = [chat(question, answer + "."), chat(question, answer + "!!")]
        #expect(!found(diagnoseFile(lines)).contains("dup/conflicting-answers@2"))
    }

    @Test func aLongPromptDoesNotHideTwoDifferentShortAnswers() {
        let instruction = words(90).joined(separator: " ")
        let lines = [#"{"instruction":"\#(instruction)","input":"","output":"Canberra."}"#,
                     #"{"instruction":"\#(instruction)","input":"","output":"Sydney."}"#]
        // The records are near duplicates as a whole, and they contradict each other: both are said.
        #expect(found(diagnoseFile(lines)) == ["dup/conflicting-answers@2", "dup/near@2"])
    }

    @Test func borderlinePairsAreMeasuredExactlyWhenTheTextCanBeReadAgain() throws {
        let (original, edited) = pair(similarity: 0.81)
        let stage = DuplicateStage()
        let a = Set(stage.shingleSet(ofLine: Array(original.utf8))), b = Set(stage.shingleSet(ofLine: Array(edited.utf8)))
        let exact = Double(a.intersection(b).count) / Double(a.union(b).count)
        // Thresholds just either side of the exact similarity decide, whatever the estimate says.
        let below = DuplicateOptions(threshold: exact - 0.005), above = DuplicateOptions(threshold: exact + 0.005)
        let reported = diagnoseFile([original, edited], options: below, readingAgain: true)
        #expect(found(reported) == ["dup/near@2"])
        let hundredths = Int((exact * 100).rounded(.down))
        #expect(reported.first?.message.contains("similarity 0.\(hundredths)") == true, "\(reported.first?.message ?? "") vs \(exact)")
        #expect(found(diagnoseFile([original, edited], options: above, readingAgain: true)).isEmpty)
    }
}
