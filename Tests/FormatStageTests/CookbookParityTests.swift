import Diagnostics
import FormatStage
import Foundation
import Testing

/// The checks of OpenAI's cookbook notebook "Data preparation and analysis for chat model fine-tuning"
/// (`examples/Chat_finetuning_data_prep.ipynb`): the seven keys its format validation counts in `format_errors`,
/// after `json.loads`, which stops the notebook on a line it cannot load at all.
enum CookbookCheck: String, CaseIterable, Sendable {
    case jsonLoads = "json.loads"
    case dataType = "data_type"
    case missingMessagesList = "missing_messages_list"
    case messageMissingKey = "message_missing_key"
    case messageUnrecognizedKey = "message_unrecognized_key"
    case unrecognizedRole = "unrecognized_role"
    case missingContent = "missing_content"
    case exampleMissingAssistantMessage = "example_missing_assistant_message"

    /// The datalint codes that report what the check counts, in the order docs/format.md's parity table lists them.
    var coveringCodes: [FormatCode] {
        switch self {
        case .jsonLoads: [.invalidJSON, .invalidUTF8, .emptyLine, .tooDeep]
        case .dataType: [.notAnObject]
        case .missingMessagesList: [.missingMessages, .unknownSchema, .mixedSchema]
        case .messageMissingKey: [.missingRole, .missingContent]
        case .messageUnrecognizedKey: [.unknownKey]
        case .unrecognizedRole: [.unknownRole, .missingRole]
        case .missingContent: [.missingContent, .contentType, .emptyContent]
        case .exampleMissingAssistantMessage: [.noAssistant]
        }
    }
}

/// The notebook's format checks restated in Swift, so that every parity test shows its record is one the notebook
/// really flags, not one we assume it flags. Python's truthiness (`not content`) and `isinstance` are spelt out.
enum CookbookNotebook {
    static let recognizedKeys: Set<String> = ["role", "content", "name", "function_call", "weight"]
    static let recognizedRoles: Set<String> = ["system", "user", "assistant", "function"]

    /// The error keys the notebook counts for one line, or nil where it would stop with an exception after loading
    /// (a message that is not a dict, a `messages` that is not a list), which no parity test relies on.
    static func formatErrors(in line: [UInt8]) -> Set<CookbookCheck>? {
        // The notebook opens the file as UTF-8 and calls json.loads on each line; either failing stops it.
        guard String(validating: line, as: UTF8.self) != nil,
              let example = try? JSONSerialization.jsonObject(with: Data(line), options: .fragmentsAllowed)
        else { return [.jsonLoads] }
        guard let example = example as? [String: Any] else { return [.dataType] }
        guard isTruthy(example["messages"]) else { return [.missingMessagesList] }
        guard let messages = example["messages"] as? [Any] else { return nil }
        var errors: Set<CookbookCheck> = []
        for element in messages {
            guard let message = element as? [String: Any] else { return nil }
            if message["role"] == nil || message["content"] == nil { errors.insert(.messageMissingKey) }
            if message.keys.contains(where: { !recognizedKeys.contains($0) }) { errors.insert(.messageUnrecognizedKey) }
            if !recognizedRoles.contains(message["role"] as? String ?? "") { errors.insert(.unrecognizedRole) }
            let content = message["content"]
            if (!isTruthy(content) && !isTruthy(message["function_call"])) || !(content is String) {
                errors.insert(.missingContent)
            }
        }
        if !messages.contains(where: { ($0 as? [String: Any])?["role"] as? String == "assistant" }) {
            errors.insert(.exampleMissingAssistantMessage)
        }
        return errors
    }

    static func formatErrors(in line: String) -> Set<CookbookCheck>? { formatErrors(in: Array(line.utf8)) }

    /// Python's `bool(value)` for what `json.loads` returns.
    static func isTruthy(_ value: Any?) -> Bool {
        guard let value else { return false }
        switch value {
        case is NSNull: return false
        case let text as String: return !text.isEmpty
        case let list as [Any]: return !list.isEmpty
        case let object as [String: Any]: return !object.isEmpty
        case let flag as Bool: return flag
        case let number as NSNumber: return number.doubleValue != 0
        default: return true
        }
    }
}

/// One test per cookbook check, named after it: records the notebook flags under that key, each reported by datalint
/// with the code the parity table names, on exactly the offending key or value (marked `⟦…⟧`).
@Suite struct CookbookParityTests {
    @Test("json.loads: lines the notebook cannot load")
    func jsonLoads() {
        expect(#"{"messages":[{"role":"user" ⟦"⟧content":"Hi"}]}"#, flaggedAs: .jsonLoads, reportedAs: .invalidJSON)
        expect("⟦ ⟧", flaggedAs: .jsonLoads, reportedAs: .emptyLine)

        let latin1 = Array(#"{"text":"caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        #expect(CookbookNotebook.formatErrors(in: latin1) == [.jsonLoads])
        #expect(diagnoseFile(byteLines: [latin1]).map(\.code) == [FormatCode.invalidUTF8.code])

        // Python's json raises RecursionError long before datalint's limit; the notebook model does not restate
        // CPython's recursion limit, so only datalint's side is checked here.
        let deep = String(repeating: "[", count: 3000)
        #expect(codes(deep) == [FormatCode.tooDeep.rawValue])
    }

    @Test("data_type: an example that is not a dict")
    func dataType() {
        expect(#"⟦"just a string"⟧"#, flaggedAs: .dataType, reportedAs: .notAnObject)
        expect(#"⟦[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]⟧"#, flaggedAs: .dataType, reportedAs: .notAnObject)
        expect("⟦42⟧", flaggedAs: .dataType, reportedAs: .notAnObject)
        expect("⟦null⟧", flaggedAs: .dataType, reportedAs: .notAnObject)
    }

    @Test("missing_messages_list: no messages, or empty or null ones")
    func missingMessagesList() {
        expect(#"{"messages":⟦[]⟧}"#, flaggedAs: .missingMessagesList, reportedAs: .missingMessages)
        expect(#"{"messages":⟦null⟧}"#, flaggedAs: .missingMessagesList, reportedAs: .missingMessages)
        expect(#"{"messages":⟦{}⟧}"#, flaggedAs: .missingMessagesList, reportedAs: .missingMessages)
        expect(#"{"messages":⟦""⟧}"#, flaggedAs: .missingMessagesList, reportedAs: .missingMessages)
        expect(#"{⟦"mesages"⟧:[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#,
               flaggedAs: .missingMessagesList, reportedAs: .missingMessages)
        expect(#"{⟦"id"⟧:7,"meta":{}}"#, flaggedAs: .missingMessagesList, reportedAs: .unknownSchema)
        expect("⟦{}⟧", flaggedAs: .missingMessagesList, reportedAs: .unknownSchema)
    }

    @Test("missing_messages_list: a record of another schema in a chat file")
    func missingMessagesListInAChatFile() throws {
        let chat = #"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#
        let other = MarkedRecord(#"{⟦"prompt"⟧:"Hi","completion":"Hello!"}"#)
        #expect(CookbookNotebook.formatErrors(in: other.line) == [.missingMessagesList])
        let diagnostics = diagnoseFile([chat, chat, other.line])
        let onOther = diagnostics.filter { $0.range.start.line == 2 }
        #expect(other.diagnostic(.mixedSchema, in: onOther, lineNumber: 2) != nil, "\(other.describe(onOther))")
    }

    @Test("message_missing_key: a message without role or content")
    func messageMissingKey() {
        expect(#"{"messages":[⟦{⟧"content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#,
               flaggedAs: .messageMissingKey, reportedAs: .missingRole)
        expect(#"{"messages":[{"role":"user","content":"Hi"},⟦{⟧"role":"assistant"}]}"#,
               flaggedAs: .messageMissingKey, reportedAs: .missingContent)
    }

    @Test("message_unrecognized_key: a key other than role, content, name, function_call and weight")
    func messageUnrecognizedKey() {
        expect(#"{"messages":[{"role":"user","content":"Hi",⟦"lang"⟧:"en"},{"role":"assistant","content":"Hello!"}]}"#,
               flaggedAs: .messageUnrecognizedKey, reportedAs: .unknownKey)
        expect(#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!",⟦"Weight"⟧:1}]}"#,
               flaggedAs: .messageUnrecognizedKey, reportedAs: .unknownKey)
    }

    @Test("unrecognized_role: a role other than system, user, assistant and function")
    func unrecognizedRole() {
        expect(#"{"messages":[{"role":⟦"narrator"⟧,"content":"Once"},{"role":"assistant","content":"upon a time"}]}"#,
               flaggedAs: .unrecognizedRole, reportedAs: .unknownRole)
        expect(#"{"messages":[{"role":⟦"human"⟧,"content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#,
               flaggedAs: .unrecognizedRole, reportedAs: .unknownRole)
        expect(#"{"messages":[{"role":⟦3⟧,"content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#,
               flaggedAs: .unrecognizedRole, reportedAs: .unknownRole)
        expect(#"{"messages":[⟦{⟧"content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#,
               flaggedAs: .unrecognizedRole, reportedAs: .missingRole)
    }

    @Test("missing_content: content that is missing, empty or not a string")
    func missingContent() {
        expect(#"{"messages":[{"role":"user","content":⟦null⟧},{"role":"assistant","content":"Hello!"}]}"#,
               flaggedAs: .missingContent, reportedAs: .missingContent)
        expect(#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":⟦""⟧}]}"#,
               flaggedAs: .missingContent, reportedAs: .emptyContent)
        expect(#"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":⟦8⟧}]}"#,
               flaggedAs: .missingContent, reportedAs: .contentType)
        expect(#"{"messages":[{"role":"user","content":⟦{"text":"Hi"}⟧},{"role":"assistant","content":"Hello!"}]}"#,
               flaggedAs: .missingContent, reportedAs: .contentType)
    }

    @Test("example_missing_assistant_message: no assistant message")
    func exampleMissingAssistantMessage() {
        expect(#"{⟦"messages"⟧:[{"role":"system","content":"Be terse."},{"role":"user","content":"Hi"}]}"#,
               flaggedAs: .exampleMissingAssistantMessage, reportedAs: .noAssistant)
    }

    @Test func everyCheckIsCoveredByExistingCodes() {
        for check in CookbookCheck.allCases {
            #expect(!check.coveringCodes.isEmpty, "\(check.rawValue) has no datalint code")
        }
    }

    /// Where datalint accepts what the notebook flags, it follows the current OpenAI chat format, which the notebook
    /// predates. These records are flagged by the notebook and clean for datalint on purpose.
    @Test func currentOpenAIFormatIsAcceptedWhereTheNotebookPredatesIt() {
        let toolCall = #"{"messages":[{"role":"user","content":"Weather?"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"weather","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c1","content":"Sunny"},{"role":"assistant","content":"Sunny."}]}"#
        let contentParts = #"{"messages":[{"role":"user","content":[{"type":"text","text":"What is this?"}]},{"role":"assistant","content":"A cat."}]}"#
        let developer = #"{"messages":[{"role":"developer","content":"Be terse."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hi."}]}"#
        #expect(CookbookNotebook.formatErrors(in: toolCall) == [.messageUnrecognizedKey, .unrecognizedRole, .missingContent])
        #expect(CookbookNotebook.formatErrors(in: contentParts) == [.missingContent])
        #expect(CookbookNotebook.formatErrors(in: developer) == [.unrecognizedRole])
        for line in [toolCall, contentParts, developer] {
            #expect(codes(line).isEmpty, "\(line)")
        }
    }

    @Test func notebookRoleListCanBeRequired() {
        let notebookRoles = FormatOptions(roles: ["system", "user", "assistant", "function"])
        let developer = MarkedRecord(#"{"messages":[{"role":⟦"developer"⟧,"content":"Be terse."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hi."}]}"#)
        #expect(developer.diagnostic(.unknownRole, in: diagnose(developer.line, options: notebookRoles)) != nil)
    }

    /// Asserts that the notebook counts `check` for the record, and that datalint reports `code` on exactly the
    /// marked text.
    private func expect(_ marked: String, flaggedAs check: CookbookCheck, reportedAs code: FormatCode,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        let record = MarkedRecord(marked)
        let flagged = CookbookNotebook.formatErrors(in: record.line)
        #expect(flagged?.contains(check) == true, "the notebook counts \(flagged.map { $0.map(\.rawValue).sorted() } ?? ["an exception"]) for \(record.line)",
                sourceLocation: sourceLocation)
        #expect(check.coveringCodes.contains(code), "\(code.rawValue) is not in the parity table's row for \(check.rawValue)",
                sourceLocation: sourceLocation)
        let diagnostics = diagnose(record.line)
        #expect(record.diagnostic(code, in: diagnostics) != nil, "expected \(code.rawValue) on the marked text, found \(record.describe(diagnostics))",
                sourceLocation: sourceLocation)
    }
}
