import FormatStage
import Testing

/// Every code, with a record that triggers it and the corrected record that does not.
struct CodeCase: Sendable, CustomStringConvertible {
    let code: FormatCode
    let bad: String
    let fixed: String
    var description: String { code.rawValue }
}

let ok = #"{"role":"assistant","content":"Paris."}"#
let user = #"{"role":"user","content":"Capital of France?"}"#

let codeCases: [CodeCase] = [
    CodeCase(code: .invalidJSON, bad: #"{"messages": [}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .tooDeep, bad: String(repeating: "[", count: 3000), fixed: #"{"text":"[[[nested]]]"}"#),
    CodeCase(code: .emptyLine, bad: "   ", fixed: #"{"text":"x"}"#),
    CodeCase(code: .notAnObject, bad: #"[{"role":"user"}]"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .duplicateKey, bad: #"{"text":"a","text":"b"}"#, fixed: #"{"text":"a"}"#),
    CodeCase(code: .unknownSchema, bad: #"{"question":"q","answer":"a"}"#, fixed: #"{"prompt":"q","completion":"a"}"#),
    CodeCase(code: .missingMessages, bad: #"{"messages":[]}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .messageNotObject, bad: #"{"messages":["hi",\#(ok)]}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .missingRole, bad: #"{"messages":[{"content":"hi"},\#(ok)]}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .unknownRole, bad: #"{"messages":[\#(user),{"role":"assitant","content":"Paris."}]}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .missingContent, bad: #"{"messages":[{"role":"user"},\#(ok)]}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .contentType, bad: #"{"messages":[{"role":"user","content":42},\#(ok)]}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .emptyContent, bad: #"{"messages":[\#(user),{"role":"assistant","content":"  "}]}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .unknownKey, bad: #"{"messages":[\#(user),{"role":"assistant","content":"Paris.","mood":"happy"}]}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .systemNotFirst, bad: #"{"messages":[\#(user),{"role":"system","content":"Be brief."},\#(ok)]}"#, fixed: #"{"messages":[{"role":"system","content":"Be brief."},\#(user),\#(ok)]}"#),
    CodeCase(code: .consecutiveRoles, bad: #"{"messages":[\#(user),\#(user),\#(ok)]}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .noAssistant, bad: #"{"messages":[\#(user)]}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .lastNotAssistant, bad: #"{"messages":[\#(user),\#(ok),\#(user)]}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
    CodeCase(code: .orphanToolMessage, bad: #"{"messages":[\#(user),{"role":"tool","tool_call_id":"call_9","content":"22C"},\#(ok)]}"#,
             fixed: #"{"messages":[\#(user),{"role":"assistant","tool_calls":[{"id":"call_9","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Paris\"}"}}]},{"role":"tool","tool_call_id":"call_9","content":"22C"},\#(ok)]}"#),
    CodeCase(code: .toolCallShape, bad: #"{"messages":[\#(user),{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f","arguments":"{}"}}]},\#(ok)]}"#,
             fixed: #"{"messages":[\#(user),{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c1","content":"done"},\#(ok)]}"#),
    CodeCase(code: .toolArguments, bad: #"{"messages":[\#(user),{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":{"city":"Paris"}}}]},{"role":"tool","tool_call_id":"c1","content":"x"},\#(ok)]}"#,
             fixed: #"{"messages":[\#(user),{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"city\":\"Paris\"}"}}]},{"role":"tool","tool_call_id":"c1","content":"x"},\#(ok)]}"#),
    CodeCase(code: .invalidWeight, bad: #"{"messages":[\#(user),{"role":"assistant","content":"Paris.","weight":2}]}"#, fixed: #"{"messages":[\#(user),{"role":"assistant","content":"Paris.","weight":1}]}"#),
    CodeCase(code: .missingField, bad: #"{"instruction":"Translate 'chat'"}"#, fixed: #"{"instruction":"Translate 'chat'","input":"","output":"cat"}"#),
    CodeCase(code: .identicalPreference, bad: #"{"prompt":"2+2?","chosen":"4","rejected":"4"}"#, fixed: #"{"prompt":"2+2?","chosen":"4","rejected":"5"}"#),
    CodeCase(code: .invalidScore, bad: #"{"prompt":"p","response":"r","score":"high"}"#, fixed: #"{"prompt":"p","response":"r","score":0.8}"#),
    CodeCase(code: .templateToken, bad: #"{"messages":[\#(user),{"role":"assistant","content":"Paris.<|im_end|>"}]}"#, fixed: #"{"messages":[\#(user),\#(ok)]}"#),
]

@Suite struct FormatCodeCoverageTests {
    @Test(arguments: codeCases)
    func badRecordGetsTheCodeAndFixedRecordDoesNot(_ testCase: CodeCase) {
        #expect(codes(testCase.bad).contains(testCase.code.rawValue), "\(codes(testCase.bad))")
        #expect(codes(testCase.fixed).isEmpty, "\(codes(testCase.fixed))")
    }

    @Test func everyCodeHasACase() {
        let covered = Set(codeCases.map(\.code)).union([.mixedSchema, .invalidUTF8])
        #expect(covered == Set(FormatCode.allCases))
    }
}
