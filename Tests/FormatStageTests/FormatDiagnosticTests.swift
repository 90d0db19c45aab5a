import Diagnostics
import FormatStage
import RecordScanner
import Testing

@Suite struct FormatDiagnosticTests {
    @Test func roleTypoSuggestsAssistantAndFixesIt() throws {
        let line = #"{"messages":[{"role":"user","content":"hi"},{"role":"assitant","content":"hello"}]}"#
        let diagnostic = try #require(diagnose(line).first { $0.code == FormatCode.unknownRole.code })
        #expect(diagnostic.message == #"unknown role "assitant"; did you mean "assistant"?"#)
        #expect(text(of: diagnostic, in: line) == "\"assitant\"")
        let fixed = apply(try #require(diagnostic.fixes.first), to: line)
        #expect(codes(fixed).isEmpty)
    }

    @Test func capitalisedRoleAndHumanAreRecognised() {
        let capital = #"{"messages":[{"role":"user","content":"hi"},{"role":"Assistant","content":"hello"}]}"#
        #expect(diagnose(capital).first?.message.contains(#"did you mean "assistant""#) == true)
        let human = #"{"messages":[{"role":"human","content":"hi"},{"role":"assistant","content":"hello"}]}"#
        #expect(diagnose(human).first?.message.contains(#"did you mean "user""#) == true)
    }

    @Test func rangeIsInUTF16AfterAnEmoji() throws {
        let line = #"{"messages":[{"role":"user","content":"😀 hi"},{"role":"bot","content":"hello"}]}"#
        let diagnostic = try #require(diagnose(line).first)
        #expect(diagnostic.code == FormatCode.unknownRole.code)
        let utf8Start = Array(line.utf8).count - Array(#""bot","content":"hello"}]}"#.utf8).count
        #expect(diagnostic.range.start.utf8Column == utf8Start)
        #expect(diagnostic.range.start.utf16Column == utf8Start - 2)
    }

    @Test func syntaxErrorRangeIsTheOffendingByte() throws {
        let line = #"{"messages": [{"role": "user" "content": "x"}]}"#
        let diagnostic = try #require(diagnose(line).first)
        #expect(diagnostic.code == FormatCode.invalidJSON.code)
        #expect(diagnostic.range.start.utf8Column == 30)
        #expect(diagnostic.message.hasPrefix("expected ',' or '}' after object member"))
    }

    @Test func invalidUTF8IsItsOwnCode() throws {
        var scanner = RecordScanner()
        let record = scanner.scan(Array(#"{"text":"caf"#.utf8) + [0xE9] + Array(#""}"#.utf8))
        var diagnostics: [Diagnostic] = []
        _ = FormatStage().check(record, into: &diagnostics)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == FormatCode.invalidUTF8.code)
        #expect(diagnostic.range.start.utf8Column == 12)
    }

    @Test func emptyLineOffersToDeleteTheLine() throws {
        let diagnostic = try #require(diagnose("", lineNumber: 4).first)
        #expect(diagnostic.code == FormatCode.emptyLine.code)
        let edit = try #require(diagnostic.fixes.first?.edits.first)
        #expect(edit.range.start.line == 4 && edit.range.end.line == 5 && edit.newText.isEmpty)
    }

    @Test func assistantWithToolCallsMayOmitContent() {
        let line = #"{"messages":[{"role":"user","content":"weather?"},{"role":"assistant","content":null,"tool_calls":[{"id":"a","type":"function","function":{"name":"w","arguments":"{}"}}]},{"role":"tool","tool_call_id":"a","content":"sun"},{"role":"assistant","content":"Sunny."}]}"#
        #expect(codes(line).isEmpty)
    }

    @Test func toolArgumentsThatAreNotJSONAreExplained() throws {
        let line = #"{"messages":[{"role":"user","content":"q"},{"role":"assistant","tool_calls":[{"id":"a","type":"function","function":{"name":"w","arguments":"{city: Paris}"}}]},{"role":"tool","tool_call_id":"a","content":"x"},{"role":"assistant","content":"y"}]}"#
        let diagnostic = try #require(diagnose(line).first { $0.code == FormatCode.toolArguments.code })
        #expect(diagnostic.message.contains("not valid JSON"))
    }

    @Test func contentPartsAreAccepted() {
        let line = #"{"messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"https://x/y.png"}}]},{"role":"assistant","content":"A cat."}]}"#
        #expect(codes(line).isEmpty)
    }

    @Test func shareGPTFromValuesAreChecked() throws {
        let good = #"{"conversations":[{"from":"system","value":"Be nice."},{"from":"human","value":"hi"},{"from":"gpt","value":"hello"}]}"#
        #expect(codes(good).isEmpty)
        let bad = #"{"conversations":[{"from":"user","value":"hi"},{"from":"gpt","value":"hello"}]}"#
        let diagnostic = try #require(diagnose(bad).first)
        #expect(diagnostic.code == FormatCode.unknownRole.code)
        #expect(diagnostic.message.contains(#"did you mean "human""#))
    }

    @Test func preferencePairsAcceptMessageLists() {
        let line = #"{"prompt":[{"role":"user","content":"2+2?"}],"chosen":[{"role":"assistant","content":"4"}],"rejected":[{"role":"assistant","content":"5"}]}"#
        #expect(codes(line).isEmpty)
    }

    @Test func rewardRecordsWithMessagesAreRecognised() {
        let line = #"{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"score":0.5}"#
        #expect(codes(line).isEmpty)
        #expect(codes(#"{"prompt":"p","response":"r","score":1e999}"#) == [FormatCode.invalidScore.rawValue])
    }

    @Test func messagesTypoSuggestsTheKey() throws {
        let line = #"{"mesages":[{"role":"user","content":"q"}]}"#
        let diagnostic = try #require(diagnose(line).first)
        #expect(diagnostic.code == FormatCode.missingMessages.code)
        #expect(codes(apply(try #require(diagnostic.fixes.first), to: line)) == [FormatCode.noAssistant.rawValue])
    }

    @Test func duplicateKeyPointsAtTheFirstDefinition() throws {
        let line = #"{"text":"a","text":"b"}"#
        let diagnostic = try #require(diagnose(line).first)
        #expect(text(of: diagnostic, in: line) == "\"text\"")
        #expect(diagnostic.range.start.utf8Column == 12)
        #expect(diagnostic.related.first?.range.start.utf8Column == 1)
    }

    @Test func templateTokenRangeIsTheTokenItself() throws {
        let line = #"{"text":"[INST] hi [/INST]"}"#
        let diagnostic = try #require(diagnose(line).first)
        #expect(text(of: diagnostic, in: line) == "[INST]")
    }

    @Test func extraKeysAndRolesComeFromOptions() {
        let line = #"{"messages":[{"role":"user","content":"q","lang":"en"},{"role":"critic","content":"ok"},{"role":"assistant","content":"a"}]}"#
        #expect(Set(codes(line)) == [FormatCode.unknownKey.rawValue, FormatCode.unknownRole.rawValue])
        let options = FormatOptions(roles: FormatOptions.defaultRoles + ["critic"], extraKeys: ["lang"])
        #expect(codes(line, options: options).isEmpty)
    }

    @Test func mixedSchemaIsReportedOnTheMinority() throws {
        let chat = #"{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}]}"#
        let alpaca = #"{"instruction":"i","output":"o"}"#
        let diagnostics = diagnoseFile([chat, chat, alpaca, chat])
        let mixed = diagnostics.filter { $0.code == FormatCode.mixedSchema.code }
        #expect(mixed.count == 1)
        #expect(mixed.first?.range.start.line == 2)
        #expect(mixed.first?.message.contains("3 of 4 records") == true)
    }
}

@Test func misspeltAssistantRoleIsReportedOnceNotAlsoAsMissingAssistant() {
    let found = codes(#"{"messages":[{"role":"user","content":"Hi"},{"role":"assitant","content":"Hello"}]}"#)
    #expect(found == ["format/unknown-role"])
}

@Test func unrecognisableRoleStillLeavesTheConversationWithoutAssistant() {
    let found = codes(#"{"messages":[{"role":"user","content":"Hi"},{"role":"zzz","content":"Hello"}]}"#)
    #expect(found.contains("format/unknown-role"))
    #expect(found.contains("format/no-assistant"))
}
