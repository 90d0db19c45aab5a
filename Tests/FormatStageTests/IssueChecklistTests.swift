import Diagnostics
import FormatStage
import Testing

/// One requirement of the format-stage issue: a record that breaks it, written with `⟦…⟧` around the exact key or
/// value the diagnostic must cover, and the corrected record, which must be clean.
struct ChecklistCase: Sendable, CustomTestStringConvertible {
    let requirement: String
    let bad: MarkedRecord
    let code: FormatCode
    /// Text the message must contain, where the requirement asks for more than the code (a "did you mean").
    let saying: String?
    let fixed: String

    init(_ requirement: String, _ bad: String, _ code: FormatCode, saying: String? = nil, fixed: String) {
        self.requirement = requirement
        self.bad = MarkedRecord(bad)
        self.code = code
        self.saying = saying
        self.fixed = fixed
    }

    var testDescription: String { requirement }
}

private let hi = #"{"role":"user","content":"Hi"}"#
private let hello = #"{"role":"assistant","content":"Hello!"}"#
private let chat = #"{"messages":[\#(hi),\#(hello)]}"#
private let weatherCall = #"{"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]}"#
private let weatherAnswer = #"{"role":"tool","tool_call_id":"call_1","content":"18°C"}"#
private let toolChat = #"{"messages":[\#(hi),\#(weatherCall),\#(weatherAnswer),\#(hello)]}"#

let checklistCases: [ChecklistCase] = [
    ChecklistCase("invalid JSON", #"{"messages":[{"role":"user" ⟦"⟧content":"Hi"}]}"#, .invalidJSON, fixed: chat),
    ChecklistCase("a line that is not an object", #"⟦[\#(hi),\#(hello)]⟧"#, .notAnObject, fixed: chat),
    ChecklistCase("empty line", "⟦ \t⟧", .emptyLine, fixed: chat),
    ChecklistCase("unknown schema", #"{⟦"question"⟧:"Capital of France?","answer":"Paris"}"#, .unknownSchema,
                  fixed: #"{"prompt":"Capital of France?","completion":"Paris"}"#),
    ChecklistCase("missing messages list", #"{⟦"mesages"⟧:[\#(hi),\#(hello)]}"#, .missingMessages, saying: "did you mean 'messages'", fixed: chat),
    ChecklistCase("empty messages list", #"{"messages":⟦[]⟧}"#, .missingMessages, fixed: chat),
    ChecklistCase("messages that are not a list", #"{"messages":⟦\#(hi)⟧}"#, .missingMessages, fixed: chat),
    ChecklistCase("message not an object", #"{"messages":[⟦"Hi"⟧,\#(hello)]}"#, .messageNotObject, fixed: chat),
    ChecklistCase("missing role", #"{"messages":[⟦{⟧"content":"Hi"},\#(hello)]}"#, .missingRole, fixed: chat),
    ChecklistCase("unknown role 'assitant'", #"{"messages":[\#(hi),{"role":⟦"assitant"⟧,"content":"Hello!"}]}"#, .unknownRole,
                  saying: #"did you mean "assistant""#, fixed: chat),
    ChecklistCase("unknown role 'human' in a messages file", #"{"messages":[{"role":⟦"human"⟧,"content":"Hi"},\#(hello)]}"#, .unknownRole,
                  saying: #"did you mean "user""#, fixed: chat),
    ChecklistCase("unknown role 'Assistant'", #"{"messages":[\#(hi),{"role":⟦"Assistant"⟧,"content":"Hello!"}]}"#, .unknownRole,
                  saying: #"did you mean "assistant""#, fixed: chat),
    ChecklistCase("missing content", #"{"messages":[\#(hi),⟦{⟧"role":"assistant"}]}"#, .missingContent, fixed: chat),
    ChecklistCase("missing content (only an assistant message making tool calls may omit it)", #"{"messages":[\#(hi),⟦{⟧"role":"assistant"},\#(weatherAnswer),\#(hello)]}"#,
                  .missingContent, fixed: toolChat),
    ChecklistCase("missing content beside an empty tool_calls list, which calls nothing", #"{"messages":[\#(hi),⟦{⟧"role":"assistant","tool_calls":[]}]}"#,
                  .missingContent, fixed: toolChat),
    ChecklistCase("content of the wrong type", #"{"messages":[\#(hi),{"role":"assistant","content":⟦8⟧}]}"#, .contentType, fixed: chat),
    ChecklistCase("empty content", #"{"messages":[\#(hi),{"role":"assistant","content":⟦""⟧}]}"#, .emptyContent, fixed: chat),
    ChecklistCase("whitespace-only content", #"{"messages":[{"role":"user","content":⟦" \t "⟧},\#(hello)]}"#, .emptyContent, fixed: chat),
    ChecklistCase("unknown key", #"{"messages":[{"role":"user","content":"Hi",⟦"lang"⟧:"en"},\#(hello)]}"#, .unknownKey, fixed: chat),
    ChecklistCase("system message not first", #"{"messages":[\#(hi),{"role":⟦"system"⟧,"content":"Answer in French."},\#(hello)]}"#, .systemNotFirst,
                  fixed: #"{"messages":[{"role":"system","content":"Answer in French."},\#(hi),\#(hello)]}"#),
    ChecklistCase("two consecutive messages of the same role", #"{"messages":[\#(hi),{"role":⟦"user"⟧,"content":"Anyone?"},\#(hello)]}"#,
                  .consecutiveRoles, fixed: chat),
    ChecklistCase("no assistant message", #"{⟦"messages"⟧:[\#(hi)]}"#, .noAssistant, fixed: chat),
    ChecklistCase("conversation not ending with an assistant message", #"{"messages":[\#(hi),\#(hello),{"role":⟦"user"⟧,"content":"Thanks"}]}"#,
                  .lastNotAssistant, fixed: chat),
    ChecklistCase("tool message answering no earlier tool call", #"{"messages":[\#(hi),{"role":"tool","tool_call_id":⟦"call_1"⟧,"content":"18°C"},\#(hello)]}"#,
                  .orphanToolMessage, fixed: toolChat),
    ChecklistCase("tool message answering a later tool call", #"{"messages":[\#(hi),{"role":"tool","tool_call_id":⟦"call_1"⟧,"content":"18°C"},\#(weatherCall),\#(hello)]}"#,
                  .orphanToolMessage, fixed: toolChat),
    ChecklistCase("tool message without tool_call_id", #"{"messages":[\#(hi),\#(weatherCall),⟦{⟧"role":"tool","content":"18°C"},\#(hello)]}"#,
                  .orphanToolMessage, fixed: toolChat),
    ChecklistCase("tool-call arguments as an object", #"{"messages":[\#(hi),{"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":⟦{"city":"Paris"}⟧}}]},\#(weatherAnswer),\#(hello)]}"#,
                  .toolArguments, saying: "encode the object as a JSON string", fixed: toolChat),
    ChecklistCase("tool-call arguments that are not JSON", #"{"messages":[\#(hi),{"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":⟦"{city: Paris}"⟧}}]},\#(weatherAnswer),\#(hello)]}"#,
                  .toolArguments, fixed: toolChat),
    ChecklistCase("tool-call arguments encoding a list", #"{"messages":[\#(hi),{"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":⟦"[\"Paris\"]"⟧}}]},\#(weatherAnswer),\#(hello)]}"#,
                  .toolArguments, fixed: toolChat),
    ChecklistCase("weight other than 0 or 1", #"{"messages":[\#(hi),{"role":"assistant","content":"Hello!","weight":⟦0.5⟧}]}"#, .invalidWeight,
                  fixed: #"{"messages":[\#(hi),{"role":"assistant","content":"Hello!","weight":1}]}"#),
    ChecklistCase("weight given as a string", #"{"messages":[\#(hi),{"role":"assistant","content":"Hello!","weight":⟦"1"⟧}]}"#, .invalidWeight,
                  fixed: #"{"messages":[\#(hi),{"role":"assistant","content":"Hello!","weight":0}]}"#),
    ChecklistCase("ShareGPT 'from' outside its set", #"{"conversations":[{"from":⟦"user"⟧,"value":"Hi"},{"from":"gpt","value":"Hello!"}]}"#, .unknownRole,
                  saying: #"did you mean "human""#, fixed: #"{"conversations":[{"from":"human","value":"Hi"},{"from":"gpt","value":"Hello!"}]}"#),
    ChecklistCase("Alpaca without instruction", #"⟦{⟧"input":"cat","output":"chat"}"#, .missingField,
                  fixed: #"{"instruction":"Translate to French","input":"cat","output":"chat"}"#),
    ChecklistCase("Alpaca without output", #"⟦{⟧"instruction":"Translate to French","input":"cat"}"#, .missingField,
                  fixed: #"{"instruction":"Translate to French","input":"cat","output":"chat"}"#),
    ChecklistCase("preference with chosen identical to rejected", #"{"prompt":"2+2?","chosen":"4","rejected":⟦"4"⟧}"#, .identicalPreference,
                  fixed: #"{"prompt":"2+2?","chosen":"4","rejected":"5"}"#),
    ChecklistCase("preference message lists that are identical", #"{"prompt":[\#(hi)],"chosen":[\#(hello)],"rejected":⟦[\#(hello)]⟧}"#, .identicalPreference,
                  fixed: #"{"prompt":[\#(hi)],"chosen":[\#(hello)],"rejected":[{"role":"assistant","content":"Go away."}]}"#),
    ChecklistCase("reward score that is a string", #"{"prompt":"2+2?","response":"4","score":⟦"high"⟧}"#, .invalidScore,
                  fixed: #"{"prompt":"2+2?","response":"4","score":0.9}"#),
    ChecklistCase("reward score that is not finite", #"{"prompt":"2+2?","response":"4","score":⟦1e999⟧}"#, .invalidScore,
                  fixed: #"{"prompt":"2+2?","response":"4","score":1e9}"#),
    ChecklistCase("reward score that is null", #"{"messages":[\#(hi),\#(hello)],"score":⟦null⟧}"#, .invalidScore,
                  fixed: #"{"messages":[\#(hi),\#(hello)],"score":-1}"#),
    ChecklistCase("chat-template token <|im_start|>", #"{"messages":[\#(hi),{"role":"assistant","content":"⟦<|im_start|>⟧assistant Hello!"}]}"#, .templateToken, fixed: chat),
    ChecklistCase("chat-template token [INST]", #"{"messages":[{"role":"user","content":"⟦[INST]⟧ Hi"},\#(hello)]}"#, .templateToken, fixed: chat),
    ChecklistCase("chat-template token <s>", #"{"prompt":"⟦<s>⟧Hi","completion":"Hello!"}"#, .templateToken,
                  fixed: #"{"prompt":"Hi","completion":"Hello!"}"#),
    ChecklistCase("chat-template token <|eot_id|>", #"{"conversations":[{"from":"human","value":"Hi"},{"from":"gpt","value":"Hello!⟦<|eot_id|>⟧"}]}"#, .templateToken,
                  fixed: #"{"conversations":[{"from":"human","value":"Hi"},{"from":"gpt","value":"Hello!"}]}"#),
    ChecklistCase("chat-template token in a content part", #"{"messages":[{"role":"user","content":[{"type":"text","text":"Hi⟦<|im_end|>⟧"}]},\#(hello)]}"#,
                  .templateToken, fixed: #"{"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]},\#(hello)]}"#),
]

/// The checks the format-stage issue lists, each failing on a bad record — on exactly the offending key or value,
/// never the whole line — and passing on the fixed one.
@Suite struct IssueChecklistTests {
    @Test(arguments: checklistCases)
    func badRecordIsReportedOnTheOffendingTextAndFixedRecordIsClean(_ testCase: ChecklistCase) throws {
        let diagnostics = diagnose(testCase.bad.line)
        let diagnostic = try #require(testCase.bad.diagnostic(testCase.code, in: diagnostics),
                                      "expected \(testCase.code.rawValue) on the marked text, found \(testCase.bad.describe(diagnostics))")
        #expect(diagnostic.severity == testCase.code.defaultSeverity)
        if let saying = testCase.saying {
            #expect(diagnostic.message.contains(saying), "\(diagnostic.message)")
        }
        let fixedCodes = diagnose(testCase.fixed).map { "\($0.code.rawValue): \($0.message)" }
        #expect(fixedCodes.isEmpty, "the fixed record still has \(fixedCodes)")
    }

    @Test func nullToolFieldsOfSDKDumpsAreNotToolCalls() {
        // What `model_dump()` of an OpenAI SDK message writes for a plain answer.
        let dumped = #"{"messages":[\#(hi),{"role":"assistant","content":"Hello!","tool_calls":null,"function_call":null,"refusal":null}]}"#
        #expect(codes(dumped).isEmpty)
        let empty = MarkedRecord(#"{"messages":[\#(hi),{"role":"assistant","content":⟦null⟧,"tool_calls":null}]}"#)
        #expect(empty.diagnostic(.missingContent, in: diagnose(empty.line)) != nil)
    }

    @Test func unknownKeysAreWarningsNotErrors() {
        #expect(FormatCode.unknownKey.defaultSeverity == .warning)
    }

    @Test func mixedSchemaIsReportedOnTheMinorityRecordsSchemaKey() {
        let alpaca = MarkedRecord(#"{⟦"instruction"⟧:"Say thanks.","output":"Thank you!"}"#)
        let diagnostics = diagnoseFile([chat, chat, alpaca.line, chat])
        #expect(alpaca.diagnostic(.mixedSchema, in: diagnostics, lineNumber: 2) != nil, "\(diagnostics.map(\.range))")
        #expect(diagnostics.count == 1)
        #expect(diagnoseFile([chat, chat, chat]).isEmpty)
    }

    @Test func roleQuickFixesProduceACleanRecord() throws {
        for role in ["assitant", "Assistant", "ASSISTANT", "bot"] {
            let line = #"{"messages":[\#(hi),{"role":"\#(role)","content":"Hello!"}]}"#
            let fix = try #require(diagnose(line).first { $0.code == FormatCode.unknownRole.code }?.fixes.first, "no fix for \(role)")
            #expect(codes(apply(fix, to: line)).isEmpty, "\(role)")
        }
    }

    @Test func aPartialPairSchemaNamesTheMissingField() throws {
        let prompt = MarkedRecord(#"{⟦"prompt"⟧:"2+2?"}"#)
        let promptDiagnostic = try #require(prompt.diagnostic(.missingField, in: diagnose(prompt.line)))
        #expect(promptDiagnostic.message.contains("'completion'"))

        let chosen = MarkedRecord(#"{"prompt":"2+2?",⟦"chosen"⟧:"4"}"#)
        let chosenDiagnostic = try #require(chosen.diagnostic(.missingField, in: diagnose(chosen.line)))
        #expect(chosenDiagnostic.message == "preference record has 'chosen' but no 'rejected'")

        let completion = MarkedRecord(#"{⟦"completion"⟧:"4"}"#)
        #expect(completion.diagnostic(.missingField, in: diagnose(completion.line)) != nil)
    }

    @Test func aKeySpeltRightIsNeverSuggestedAsItsOwnCorrection() {
        for line in [#"{"prompt":"2+2?"}"#, #"{"rejected":"5"}"#, #"{"completion":"4","score":1}"#] {
            #expect(!diagnose(line).contains { $0.message.contains("did you mean") }, "\(line)")
        }
    }
}
