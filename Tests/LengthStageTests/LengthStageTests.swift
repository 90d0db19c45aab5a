import DatasetText
import Diagnostics
import LengthStage
import RecordScanner
import Testing
import Tokenization

@Suite struct TooLongTests {
    @Test func aRecordOverMaxTokensIsAnErrorOnTheWholeLine() throws {
        let tokenizer = try requireTokenizer()
        var options = LengthOptions()
        options.maxTokens = 20
        let long = chat("é " + sentence(30), "Fine.")
        let lines = [chat("Hi there.", "Hello!"), long]
        let diagnostics = diagnoseFile(lines, options: options)
        #expect(found(diagnostics) == ["length/too-long@2"])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.range.start.utf8Column == 0)
        #expect(diagnostic.range.end.utf8Column == long.utf8.count)
        #expect(diagnostic.range.end.utf16Column == long.utf16.count)
        // The OpenAI cookbook's count: 3 per message, role and content values, 3 for the reply.
        let expected = 3 + 3 + tokenizer.count("user") + tokenizer.count("é " + sentence(30))
            + 3 + tokenizer.count("assistant") + tokenizer.count("Fine.")
        #expect(diagnostic.message.contains("has \(expected) tokens"), "\(diagnostic.message)")
        #expect(diagnostic.message.contains("max_tokens = 20"))
    }

    @Test func aRecordAtExactlyMaxTokensFits() throws {
        let tokenizer = try requireTokenizer()
        let line = chat("Hi there.", "Hello!")
        var options = LengthOptions()
        options.maxTokens = 3 + 3 + tokenizer.count("user") + tokenizer.count("Hi there.") + 3 + tokenizer.count("assistant")
            + tokenizer.count("Hello!")
        #expect(diagnoseFile([line], options: options).isEmpty)
        options.maxTokens -= 1
        #expect(found(diagnoseFile([line], options: options)) == ["length/too-long@1"])
    }

    @Test func withoutARankFileCountsAreEstimatedAndSaySo() throws {
        var options = LengthOptions()
        options.maxTokens = 10
        let diagnostics = diagnoseFile([chat(sentence(40), "Fine.")], options: options, tokenizer: nil)
        let message = try #require(diagnostics.first?.message)
        #expect(message.contains("about "))
        #expect(message.contains("estimated counts: the cl100k_base rank file is not installed"))
    }

    @Test func invalidLinesHaveNoLength() {
        var options = LengthOptions()
        options.maxTokens = 1
        #expect(diagnoseFile(["{not json", ""], options: options).isEmpty)
    }
}

@Suite struct OutlierTests {
    /// 40 ordinary chats with 8–13-word questions and answers, one user turn pasted at 50× that.
    func fileWithLongUserTurn() -> [String] {
        var lines = (0..<40).map { chat(sentence(8 + $0 % 6, seed: $0), sentence(30 + $0 % 9, seed: $0)) }
        lines[17] = chat("日本語 " + sentence(600), sentence(33))
        return lines
    }

    @Test func aUserTurnFiftyTimesTheMedianIsReportedOnItsContent() throws {
        let lines = fileWithLongUserTurn()
        let diagnostics = diagnoseFile(lines)
        #expect(found(diagnostics) == ["length/outlier@18"])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message.contains("user turn has"))
        #expect(diagnostic.message.contains("unusually long"))
        // The range is the content string, with UTF-16 columns past the CJK text counted in code units.
        let line = lines[17]
        let contentStart = line.utf8.count - line.drop(while: { $0 != "日" }).utf8.count - 1
        #expect(diagnostic.range.start.utf8Column == contentStart)
        let end = "\"},{\"role\":\"assistant\""
        let contentEnd = line.utf8.count - String(line[line.range(of: end)!.lowerBound...]).utf8.count + 1
        #expect(diagnostic.range.end.utf8Column == contentEnd)
        #expect(diagnostic.range.end.utf16Column == contentEnd - 2 * 3)
    }

    @Test func aOneWordAnswerAmongParagraphsIsUnusuallyShort() throws {
        var lines = (0..<40).map { chat(sentence(10, seed: $0), sentence(80 + $0 % 20, seed: $0)) }
        lines[5] = chat(sentence(10), "Paris, France")
        let diagnostics = diagnoseFile(lines)
        #expect(found(diagnostics) == ["length/outlier@6"])
        #expect(diagnostics.first?.message.contains("unusually short") == true)
    }

    @Test func aSecondModeLessThanTwentyFoldIsNotAnOutlier() {
        // A fifth of the questions are pasted paragraphs (15× the short ones): a mode of the data, not mistakes.
        let lines = (0..<50).map { chat(sentence($0 % 5 == 0 ? 150 : 10, seed: $0), sentence(40, seed: $0)) }
        #expect(diagnoseFile(lines).isEmpty)
    }

    @Test func tooFewSamplesAreNotJudged() {
        var lines = fileWithLongUserTurn()
        lines = Array(lines[..<20])
        #expect(diagnoseFile(lines).isEmpty)
        var options = LengthOptions()
        options.outliers.minSamples = 10
        #expect(found(diagnoseFile(lines, options: options)) == ["length/outlier@18"])
    }

    @Test func iqrFencesFindTheSameOutlier() {
        var options = LengthOptions()
        options.outliers.method = .iqr
        let diagnostics = diagnoseFile(fileWithLongUserTurn(), options: options)
        #expect(found(diagnostics) == ["length/outlier@18"])
        #expect(diagnostics.first?.message.contains("Q3 +") == true)
    }

    @Test func fieldsOfInstructionRecordsAreJudgedByField() throws {
        var lines = (0..<40).map { index in
            #"{"instruction":"\#(sentence(12, seed: index))","input":"","output":"\#(sentence(50 + index % 7, seed: index))"}"#
        }
        lines[30] = #"{"instruction":"\#(sentence(12))","input":"","output":"\#(sentence(2_000))"}"#
        let diagnostics = diagnoseFile(lines)
        #expect(found(diagnostics) == ["length/outlier@31"])
        #expect(diagnostics.first?.message.contains("this `output` has") == true)
    }

    @Test func toolCallingTurnsAreJudgedApartFromAnswers() {
        // Assistant turns that call a tool say a few words; among long answers they are not "unusually short".
        var lines = (0..<40).map { chat(sentence(10, seed: $0), sentence(90, seed: $0)) }
        for index in stride(from: 0, to: 40, by: 4) {
            lines[index] = #"{"messages":[{"role":"user","content":"Weather?"},{"role":"assistant","content":"Checking.","#
                + #""tool_calls":[{"id":"c1","type":"function","function":{"name":"w","arguments":"{}"}}]},"#
                + #"{"role":"tool","tool_call_id":"c1","content":"sunny"},{"role":"assistant","content":"\#(sentence(90))"}]}"#
        }
        #expect(diagnoseFile(lines).isEmpty)
    }
}

@Suite struct ShortAnswerTests {
    @Test func aNearEmptyAnswerWhereAnswersAreLongIsReported() throws {
        var lines = (0..<6).map { chat(sentence(10, seed: $0), sentence(40, seed: $0)) }
        lines[2] = chat(sentence(10), "OK")
        let diagnostics = diagnoseFile(lines)
        #expect(found(diagnostics) == ["length/short-answer@3"])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message.contains("assistant turn has 1 token,"))
        #expect(diagnostic.range.start.utf8Column == lines[2].utf8.count - #""OK"}]}"#.utf8.count)
    }

    @Test func aFileOfShortLabelsIsLeftAlone() {
        let lines = (0..<40).map { #"{"prompt":"\#(sentence(20, seed: $0))","completion":"\#($0 % 2 == 0 ? "positive" : "no")"}"# }
        #expect(diagnoseFile(lines).isEmpty)
    }

    @Test func blankAnswersAreTheFormatStagesToReport() {
        var lines = (0..<6).map { chat(sentence(10, seed: $0), sentence(40, seed: $0)) }
        lines[1] = chat("Hi", "   ")
        lines[2] = chat("Hi", "")
        #expect(diagnoseFile(lines).isEmpty)
    }

    @Test func shortRejectedAnswersAreWhatPreferenceDataIsFor() {
        var lines = (0..<6).map { #"{"prompt":"\#(sentence(10, seed: $0))","chosen":"\#(sentence(40, seed: $0))","rejected":"\#(sentence(30, seed: $0))"}"# }
        lines[2] = #"{"prompt":"\#(sentence(10))","chosen":"\#(sentence(40))","rejected":"No."}"#
        #expect(diagnoseFile(lines).isEmpty)
        lines[3] = #"{"prompt":"\#(sentence(10))","chosen":"OK","rejected":"\#(sentence(30))"}"#
        #expect(found(diagnoseFile(lines)) == ["length/short-answer@4"])
    }

    @Test func theLimitIsConfigurable() {
        var lines = (0..<6).map { chat(sentence(10, seed: $0), sentence(40, seed: $0)) }
        lines[0] = chat(sentence(10), "Yes, it is.")
        #expect(diagnoseFile(lines).isEmpty)
        var options = LengthOptions()
        options.minAnswerTokens = 6
        #expect(found(diagnoseFile(lines, options: options)) == ["length/short-answer@1"])
    }
}

@Suite struct TruncationTests {
    @Test func anUnfinishedAnswerNearMaxTokensIsCutOff() throws {
        let tokenizer = try requireTokenizer()
        let answer = sentence(60).dropLast() + " and then the"
        let line = chat("Tell me a story.", String(answer))
        var options = LengthOptions()
        options.maxTokens = 3 + 3 + tokenizer.count("user") + tokenizer.count("Tell me a story.") + 3
            + tokenizer.count("assistant") + tokenizer.count(String(answer)) + 2
        let diagnostics = diagnoseFile([line], options: options)
        #expect(found(diagnostics) == ["length/truncated@1"])
        #expect(diagnostics.first?.message.contains("near max_tokens") == true)
        // The same answer finished is not cut off.
        #expect(diagnoseFile([chat("Tell me a story.", String(answer) + " end.")], options: options).isEmpty)
    }

    @Test func anOpenCodeFenceNearTheAnswerLimitIsCutOff() {
        var options = LengthOptions()
        options.maxAnswerTokens = 50
        let open = chat("Write code.", "Here it is:\\n```python\\n" + sentence(45) + "\\n")
        let closed = chat("Write code.", "Here it is:\\n```python\\n" + sentence(44) + "\\n```")
        #expect(found(diagnoseFile([open, closed], options: options)) == ["length/truncated@1"])
    }

    @Test func shortUnfinishedAnswersAreNotNearAnyLimit() {
        var options = LengthOptions()
        options.maxAnswerTokens = 500
        #expect(diagnoseFile([chat("Hi", "Sure, the answer is")], options: options).isEmpty)
    }

    @Test func aCapSharedBySeveralAnswersIsRecognised() throws {
        let tokenizer = try requireTokenizer()
        // 40 natural answers of 30–50 words, and 5 generated ones stopped at the same length mid-sentence.
        var lines = (0..<40).map { chat(sentence(10, seed: $0), sentence(30 + $0 % 20, seed: $0)) }
        let cut = String(sentence(120).dropLast())
        for index in [3, 9, 15, 21, 27] { lines[index] = chat(sentence(10), cut) }
        let finished = sentence(119)
        lines[33] = chat(sentence(10), finished)
        #expect(tokenizer.count(finished) == tokenizer.count(cut))
        let diagnostics = diagnoseFile(lines)
        #expect(found(diagnostics) == ["length/truncated@4", "length/truncated@10", "length/truncated@16",
                                       "length/truncated@22", "length/truncated@28"])
        #expect(diagnostics.first?.message.contains("the length at which several of this file's answers stop") == true)
    }
}

@Suite struct AnswerEndingTests {
    func unfinished(_ text: String) -> Bool {
        var options = LengthOptions()
        options.maxAnswerTokens = 1
        return !diagnoseFile([chat("q", text)], options: options).isEmpty
    }

    @Test func sentenceEndsInManyScriptsAreFinished() {
        for text in ["Done.", "Really?", "Yes!", "終わりです。", "क्या?।", "(see above)", "Use `x`", "**bold**", "Fine 👍", "Done.\\n\\n"] {
            #expect(!unfinished(text), "\(text)")
        }
    }

    @Test func midSentenceEndsAreUnfinished() {
        for text in ["and then the", "the values are 1, 2,", "as follows:", "我们可以"] {
            #expect(unfinished(text), "\(text)")
        }
    }

    @Test func anOddNumberOfFencesIsUnfinishedWhateverTheLastCharacter() {
        #expect(unfinished("```js\\nf();"))
        #expect(!unfinished("```js\\nf();\\n```"))
        #expect(!unfinished("Inline ``` is not a fence at line start? no."))
    }
}
