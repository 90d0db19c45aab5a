import Diagnostics
import DuplicateStage
import Testing
import TextNormalization

@Suite struct ExactDuplicateTests {
    @Test func aByteIdenticalRepeatIsReportedOnTheLaterLineWithADeletionSafeToApply() throws {
        let record = chat("Name three primary colors.", "Red, yellow and blue.")
        let diagnostics = diagnoseFile([record, chat("Other", "Answer"), record])
        #expect(found(diagnostics) == ["dup/exact@3"])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message.contains("line 1"))
        #expect(diagnostic.related.map(\.range.start.line) == [0])
        let fix = try #require(diagnostic.fixes.first)
        #expect(fix.isPreferred)
        #expect(fix.edits.first?.range.start.line == 2 && fix.edits.first?.range.end.line == 3)
    }

    @Test func caseAndWhiteSpaceAreNormalizedAwayButTheDeletionIsNotPreferred() throws {
        let diagnostics = diagnoseFile([chat("What is the capital of France?", "Paris."),
                                        chat("what is the   CAPITAL of france?", "paris.")])
        #expect(found(diagnostics) == ["dup/exact@2"])
        #expect(diagnostics.first?.message.contains("after normalization") == true)
        #expect(diagnostics.first?.fixes.first?.isPreferred == false)
    }

    @Test func normalizationFollowsTheOptions() {
        let lines = [chat("Hello, world!", "Hi."), chat("Hello world", "Hi")]
        #expect(found(diagnoseFile(lines)).isEmpty)
        let stripping = DuplicateOptions(normalization: .all)
        #expect(found(diagnoseFile(lines, options: stripping)) == ["dup/exact@2"])
        let caseKept = DuplicateOptions(normalization: NormalizationOptions(caseFold: false))
        #expect(found(diagnoseFile([chat("Hello", "Hi"), chat("HELLO", "HI")], options: caseKept)).isEmpty)
    }

    @Test func theRangeCoversTheWholeRecordInUTF8AndUTF16() throws {
        let record = chat("Où est la gare ? 🚉", "Tout droit.")
        let diagnostic = try #require(diagnoseFile([record, record]).first)
        #expect(diagnostic.range.start.utf8Column == 0 && diagnostic.range.start.line == 1)
        #expect(diagnostic.range.end.utf8Column == record.utf8.count)
        #expect(diagnostic.range.end.utf16Column == record.utf16.count)
        #expect(diagnostic.related.first?.range.end.utf16Column == record.utf16.count)
    }

    @Test func keyOrderAndLayoutDoNotHideADuplicate() {
        let lines = [#"{"prompt":"2+2?","completion":"4"}"#, #"{ "completion" : "4", "prompt" : "2+2?" }"#]
        // Values are compared in document order, so swapped keys are a different record; the same order with other
        // spacing is the same.
        #expect(found(diagnoseFile([lines[0], #"{ "prompt" : "2+2?" ,"completion":"4"}"#])) == ["dup/exact@2"])
        #expect(!found(diagnoseFile(lines)).contains("dup/exact@2"))
    }

    @Test func invalidBlankAndTextlessRecordsAreLeftToOtherStages() {
        #expect(found(diagnoseFile(["{not json", "{not json", "", "", "{}", "{}", #"{"a":[]}"#, #"{"a":[]}"#])).isEmpty)
    }
}

@Suite struct PromptTests {
    @Test func theSamePromptWithAnotherAnswerIsAConflict() throws {
        let diagnostics = diagnoseFile([chat("What is the capital of Australia?", "Canberra."),
                                        chat("Unrelated question", "Unrelated answer"),
                                        chat("What is the capital of Australia?", "Sydney.")])
        #expect(found(diagnostics) == ["dup/conflicting-answers@3"])
        #expect(diagnostics.first?.related.map(\.range.start.line) == [0])
    }

    @Test func anAnswerRepeatedWithOtherMetadataIsAnInfo() {
        let lines = [chat("Translate 'cat' to French.", "chat", extra: #","id":1"#),
                     chat("Translate 'cat' to French.", "chat", extra: #","id":2"#)]
        let diagnostics = diagnoseFile(lines)
        #expect(found(diagnostics) == ["dup/prompt@2"])
        #expect(diagnostics.first?.severity == .info)
    }

    @Test func alpacaAndPromptCompletionRecordsHavePromptsToo() {
        let alpaca = [#"{"instruction":"Add","input":"2 and 2","output":"4"}"#,
                      #"{"instruction":"Add","input":"2 and 2","output":"5"}"#,
                      #"{"instruction":"Add","input":"3 and 3","output":"6"}"#]
        #expect(found(diagnoseFile(alpaca)) == ["dup/conflicting-answers@2"])
        let pairs = [#"{"prompt":"Capital of Peru?","completion":"Lima"}"#, #"{"prompt":"Capital of Peru?","completion":"Cusco"}"#]
        #expect(found(diagnoseFile(pairs)) == ["dup/conflicting-answers@2"])
    }

    @Test func preferencePairsConflictOnlyWhenAChosenAnswerIsRejectedElsewhere() {
        let normal = [#"{"prompt":"Greet me","chosen":"Hello!","rejected":"Go away."}"#,
                      #"{"prompt":"Greet me","chosen":"Hi there!","rejected":"No."}"#]
        #expect(found(diagnoseFile(normal)).isEmpty)
        let reversed = [#"{"prompt":"Greet me","chosen":"Hello!","rejected":"Go away."}"#,
                        #"{"prompt":"Greet me","chosen":"Go away.","rejected":"Hello!"}"#]
        let diagnostics = diagnoseFile(reversed)
        #expect(found(diagnostics) == ["dup/conflicting-answers@2"])
        #expect(diagnostics.first?.message.contains("reversed") == true)
    }

    @Test func rewardRecordsConflictWhenTheSameResponseGetsAnotherScore() {
        let lines = [#"{"prompt":"Summarize the plot.","response":"A boy finds a dog.","score":0.9}"#,
                     #"{"prompt":"Summarize the plot.","response":"Something else entirely.","score":0.2}"#,
                     #"{"prompt":"Summarize the plot.","response":"A boy finds a dog.","score":0.1}"#]
        let diagnostics = diagnoseFile(lines)
        #expect(found(diagnostics) == ["dup/conflicting-answers@3"])
        #expect(diagnostics.first?.message.contains("different score") == true)
    }

    @Test func aMultiTurnPromptEndsBeforeTheLastAssistantTurn() {
        let first = #"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"2+2?"},{"role":"assistant","content":"4"}]}"#
        let otherSystem = #"{"messages":[{"role":"system","content":"Be verbose."},{"role":"user","content":"2+2?"},{"role":"assistant","content":"Four"}]}"#
        let sameSystem = #"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"2+2?"},{"role":"assistant","content":"Five"}]}"#
        #expect(found(diagnoseFile([first, otherSystem, sameSystem])) == ["dup/conflicting-answers@3"])
    }
}
