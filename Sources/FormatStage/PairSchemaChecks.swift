import Diagnostics
import RecordScanner
import Schemas

/// Checks of the single-turn schemas: Alpaca, prompt/completion, preference pairs, reward records, plain text.
struct PairSchemaChecks {
    /// The OpenAI dialect, for preference and reward records that hold message lists.
    let messagesDialect: ConversationDialect

    func check(_ schema: RecordSchema, root: Int, in inspection: inout RecordInspection) {
        switch schema {
        case .alpaca:
            requireText("instruction", in: root, schema: "Alpaca", &inspection)
            requireText("output", in: root, schema: "Alpaca", &inspection)
            optionalText("input", in: root, &inspection)
        case .promptCompletion:
            requireText("prompt", in: root, schema: "prompt/completion", &inspection)
            let answerKey = inspection.record.value(forKey: "completion", in: root) != nil ? "completion" : "response"
            requireText(answerKey, in: root, schema: "prompt/completion", &inspection)
        case .preference:
            checkPreference(root, &inspection)
        case .reward:
            checkReward(root, &inspection)
        case .text:
            requireText("text", in: root, schema: "text", &inspection)
        case .messages, .sharegpt, .unknown:
            break
        }
    }

    private func requireText(_ key: String, in root: Int, schema: String, _ inspection: inout RecordInspection) {
        guard let value = inspection.record.value(forKey: key, in: root) else {
            inspection.report(.missingField, "\(schema) record has no '\(key)'",
                              span: inspection.record[root].start..<(inspection.record[root].start + 1))
            return
        }
        checkTextValue(value, key: key, &inspection)
    }

    private func optionalText(_ key: String, in root: Int, _ inspection: inout RecordInspection) {
        guard let value = inspection.record.value(forKey: key, in: root) else { return }
        guard inspection.record[value].kind == .string else {
            inspection.report(.contentType, "'\(key)' must be a string, found \(inspection.kindName(value))", node: value)
            return
        }
        inspection.checkText(value, what: "'\(key)'", allowBlank: true)
    }

    private func checkTextValue(_ value: Int, key: String, _ inspection: inout RecordInspection) {
        guard inspection.record[value].kind == .string else {
            inspection.report(.contentType, "'\(key)' must be a string, found \(inspection.kindName(value))", node: value)
            return
        }
        inspection.checkText(value, what: "'\(key)'")
    }

    /// A prompt and two answers, each a string or a list of messages.
    private func checkPreference(_ root: Int, _ inspection: inout RecordInspection) {
        let record = inspection.record
        if let prompt = record.value(forKey: "prompt", in: root) {
            checkTextOrMessages(prompt, key: "prompt", &inspection)
        }
        guard let chosen = record.value(forKey: "chosen", in: root),
              let rejected = record.value(forKey: "rejected", in: root) else { return }
        checkTextOrMessages(chosen, key: "chosen", &inspection)
        checkTextOrMessages(rejected, key: "rejected", &inspection)
        if record[chosen].kind == record[rejected].kind, sameValue(chosen, rejected, record) {
            inspection.report(.identicalPreference, "'chosen' and 'rejected' are identical, so the pair teaches no preference",
                              node: rejected, related: [RelatedInformation(range: record.range(ofNode: chosen), message: "'chosen' is here")])
        }
    }

    private func checkTextOrMessages(_ value: Int, key: String, _ inspection: inout RecordInspection) {
        switch inspection.record[value].kind {
        case .string:
            inspection.checkText(value, what: "'\(key)'")
        case .array:
            ConversationChecker(dialect: messagesDialect, isWholeConversation: false).check(list: value, key: nil, in: &inspection)
        default:
            inspection.report(.contentType, "'\(key)' must be a string or a list of messages, found \(inspection.kindName(value))", node: value)
        }
    }

    private func sameValue(_ a: Int, _ b: Int, _ record: ParsedRecord) -> Bool {
        if record[a].kind == .string { return record.decodedBytes(a) == record.decodedBytes(b) }
        return record.rawText(a) == record.rawText(b)
    }

    /// A score beside a prompt/response pair or a conversation.
    private func checkReward(_ root: Int, _ inspection: inout RecordInspection) {
        let record = inspection.record
        let scoreKey = record.value(forKey: "score", in: root) != nil ? "score" : "reward"
        if let score = record.value(forKey: scoreKey, in: root) {
            let value = record.number(score)
            if value == nil || !value!.isFinite {
                let found = value == nil ? inspection.kindName(score) : "a number too large for a double"
                inspection.report(.invalidScore, "'\(scoreKey)' must be a finite number, found \(found)", node: score)
            }
        }
        if let messages = record.value(forKey: "messages", in: root) {
            ConversationChecker(dialect: messagesDialect, isWholeConversation: true).check(list: messages, key: nil, in: &inspection)
        } else {
            requireText("prompt", in: root, schema: "reward", &inspection)
            let answerKey = record.value(forKey: "response", in: root) != nil ? "response" : "completion"
            requireText(answerKey, in: root, schema: "reward", &inspection)
        }
    }
}
