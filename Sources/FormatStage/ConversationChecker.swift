import Diagnostics
import RecordScanner

/// Checks a list of turns: each message's shape, then the order of roles across the conversation.
struct ConversationChecker {
    let dialect: ConversationDialect
    /// False for lists that are only part of a conversation (a preference prompt or answer).
    let isWholeConversation: Bool

    /// What the turn-by-turn pass learned, for the conversation-level rules.
    private struct Turn {
        let role: Role?
        let roleNode: Int?
        let message: Int
    }

    func check(list: Int, key: Int?, in inspection: inout RecordInspection) {
        let record = inspection.record
        guard record[list].kind == .array else {
            inspection.report(.missingMessages, "'\(dialect.listKey)' must be a list of messages, found \(inspection.kindName(list))", node: list)
            return
        }
        guard record[list].count > 0 else {
            inspection.report(.missingMessages, "'\(dialect.listKey)' is empty: a conversation needs at least one message", node: list)
            return
        }
        var order = TurnOrder()
        var toolCalls = ToolCallLedger()
        for element in record.elements(of: list) {
            guard record[element].kind == .object else {
                inspection.report(.messageNotObject, "a message must be an object, found \(inspection.kindName(element))", node: element)
                continue
            }
            order.add(checkMessage(element, toolCalls: &toolCalls, in: &inspection), dialect: dialect)
        }
        for finding in order.findings { inspection.report(finding.code, finding.message, node: finding.node) }
        if isWholeConversation { checkEnding(order, list: list, key: key, in: &inspection) }
    }

    // MARK: One message

    private func checkMessage(_ message: Int, toolCalls: inout ToolCallLedger,
                              in inspection: inout RecordInspection) -> Turn {
        let record = inspection.record
        var fields = MessageFields()
        for member in record.members(of: message) {
            if !fields.note(record: record, member: member, dialect: dialect) {
                reportUnknownKey(member.key, in: &inspection)
            }
        }
        let role = checkRole(fields.role, message: message, in: &inspection)
        checkContent(fields, role: role, message: message, in: &inspection)
        if let weight = fields.weight { checkWeight(weight, in: &inspection) }
        if dialect.supportsToolCalls {
            // `"tool_calls": null` is how SDK dumps (`model_dump()`) spell "no tool calls": not a malformed list.
            if let calls = fields.toolCalls, record[calls].kind != .null { toolCalls.record(calls: calls, in: &inspection) }
            if let role, dialect.isTool(role) { toolCalls.checkAnswer(fields.toolCallID, message: message, in: &inspection) }
        }
        return Turn(role: role, roleNode: fields.role, message: message)
    }

    private func reportUnknownKey(_ key: Int, in inspection: inout RecordInspection) {
        let name = inspection.record.string(key)
        var message = "unknown key '\(name)' in a message"
        var fixes: [Fix] = []
        if let suggestion = Suggestion.closest(to: name, in: dialect.knownKeys) {
            message += "; did you mean '\(suggestion)'?"
            fixes.append(inspection.replaceString(key, with: suggestion, title: "Rename '\(name)' to '\(suggestion)'"))
        } else {
            message += " (allowed: \(dialect.knownKeys.prefix(6).joined(separator: ", ")), …; add it to [format] extra_keys to accept it)"
        }
        inspection.report(.unknownKey, message, node: key, fixes: fixes)
    }

    private func checkRole(_ roleNode: Int?, message: Int, in inspection: inout RecordInspection) -> Role? {
        let record = inspection.record
        guard let roleNode else {
            inspection.report(.missingRole, "message has no '\(dialect.roleKey)'", span: openingBrace(message, record))
            return nil
        }
        guard record[roleNode].kind == .string else {
            inspection.report(.unknownRole, "'\(dialect.roleKey)' must be a string, found \(inspection.kindName(roleNode))", node: roleNode)
            return nil
        }
        // The usual case: the role's bytes are those of an allowed role (so its `String` is equal to it too).
        if !record[roleNode].hasEscapes, let index = dialect.roleTable.firstIndex(matching: roleNode, in: record) {
            return dialect.role(at: index, name: dialect.roles[index])
        }
        let role = record.string(roleNode)
        guard let index = dialect.roles.firstIndex(of: role) else {
            var text = "unknown \(dialect.roleKey) \"\(role)\""
            var fixes: [Fix] = []
            if let suggestion = Suggestion.closest(to: role, in: dialect.roles, synonyms: dialect.synonyms) {
                text += "; did you mean \"\(suggestion)\"?"
                fixes.append(inspection.replaceString(roleNode, with: suggestion, title: "Change \(dialect.roleKey) to \"\(suggestion)\""))
            } else {
                text += " (allowed: \(dialect.roles.joined(separator: ", ")))"
            }
            inspection.report(.unknownRole, text, node: roleNode, fixes: fixes)
            // The typo is reported once; conversation-level checks go on with the role the user meant, so that
            // `assitant` does not also claim the conversation has no assistant message.
            guard let meant = Suggestion.closest(to: role, in: dialect.roles, synonyms: dialect.synonyms),
                  let meantIndex = dialect.roles.firstIndex(of: meant) else { return Role(known: nil, name: role) }
            return dialect.role(at: meantIndex, name: meant)
        }
        return dialect.role(at: index, name: role)
    }

    private func checkContent(_ fields: MessageFields, role: Role?, message: Int, in inspection: inout RecordInspection) {
        let record = inspection.record
        let mayOmit = role.map { dialect.isAssistant($0) } == true && fields.makesToolCall(in: record)
        guard let content = fields.content, record[content].kind != .null else {
            if !mayOmit {
                let found = fields.content == nil ? "no '\(dialect.contentKey)'" : "null '\(dialect.contentKey)'"
                inspection.report(.missingContent, "\(role.map { "\($0.name) " } ?? "")message has \(found)",
                                  span: fields.content.map { record[$0].span } ?? openingBrace(message, record))
            }
            return
        }
        // Only a diagnostic needs this text, so it is built only then.
        func what() -> String { "\(role?.name ?? "message") \(dialect.contentKey)" }
        switch record[content].kind {
        case .string:
            inspection.checkText(content, what: what(), allowBlank: mayOmit)
        case .array where dialect.supportsToolCalls:
            ContentParts.check(content, what: what(), allowBlank: mayOmit, in: &inspection)
        default:
            let expected = dialect.supportsToolCalls ? "a string or a list of content parts" : "a string"
            inspection.report(.contentType, "'\(dialect.contentKey)' must be \(expected), found \(inspection.kindName(content))", node: content)
        }
    }

    private func checkWeight(_ weight: Int, in inspection: inout RecordInspection) {
        let value = inspection.record.number(weight)
        guard value != 0 && value != 1 else { return }
        inspection.report(.invalidWeight, "'weight' must be 0 or 1, found \(inspection.record.rawText(weight))", node: weight)
    }

    // MARK: The conversation

    /// The order rules, fed one turn at a time rather than from a list of turns (which cost an allocation per
    /// record). Their findings are held back, so that they follow every message's own findings as before.
    private struct TurnOrder {
        var seenOtherRole = false
        var previous: Role?
        var turnCount = 0
        var sawAssistant = false
        var last: Turn?
        var findings: [(code: FormatCode, message: String, node: Int)] = []

        mutating func add(_ turn: Turn, dialect: ConversationDialect) {
            turnCount += 1
            last = turn
            if let role = turn.role, dialect.isAssistant(role) { sawAssistant = true }
            guard let role = turn.role, let roleNode = turn.roleNode else { previous = nil; return }
            if dialect.isSystem(role) {
                if seenOtherRole {
                    findings.append((.systemNotFirst, "\(role.name) message after the conversation started: put instructions first", roleNode))
                }
            } else {
                seenOtherRole = true
            }
            if role == previous, dialect.isUser(role) || dialect.isAssistant(role) {
                findings.append((.consecutiveRoles, "two \(role.name) messages in a row: merge them or add the missing turn between them", roleNode))
            }
            previous = role
        }
    }

    private func checkEnding(_ order: TurnOrder, list: Int, key: Int?, in inspection: inout RecordInspection) {
        guard order.turnCount > 0 else { return }
        if !order.sawAssistant {
            inspection.report(.noAssistant, "conversation has no \(dialect.assistant) message, so a model learns nothing from it",
                              node: key ?? list)
        } else if let last = order.last, let lastRole = last.role, !dialect.isAssistant(lastRole) {
            inspection.report(.lastNotAssistant, "conversation ends with a \(lastRole.name) message, not \(dialect.assistant): the last turn is not trained on",
                              node: last.roleNode ?? last.message)
        }
    }

    private func openingBrace(_ node: Int, _ record: ParsedRecord) -> Range<Int> {
        record[node].start..<(record[node].start + 1)
    }
}

/// The keys of one message that the checks look at.
struct MessageFields {
    var role: Int?
    var content: Int?
    var weight: Int?
    var toolCalls: Int?
    var toolCallID: Int?
    var functionCall: Int?

    /// True when the message calls a tool: a non-empty `tool_calls` list or a `function_call` object. Only then may
    /// an assistant message go without content; `"tool_calls": []` or `null` calls nothing, so it would be empty.
    func makesToolCall(in record: ParsedRecord) -> Bool {
        if let toolCalls, record[toolCalls].kind == .array, record[toolCalls].count > 0 { return true }
        if let functionCall, record[functionCall].kind == .object { return true }
        return false
    }

    /// Notes a member; returns false when its key is unknown to the dialect.
    mutating func note(record: ParsedRecord, member: (key: Int, value: Int), dialect: ConversationDialect) -> Bool {
        guard let index = dialect.messageKeys.firstIndex(matching: member.key, in: record) else { return false }
        switch dialect.messageKey(at: index) {
        case .role: role = member.value
        case .content: content = member.value
        case .weight: weight = member.value
        case .toolCalls: toolCalls = member.value
        case .toolCallID: toolCallID = member.value
        case .functionCall: functionCall = member.value
        case .other: break
        }
        return true
    }
}
