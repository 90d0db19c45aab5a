import RecordScanner

/// The turns of a chat record — OpenAI `messages` (`role`, `content`) or ShareGPT `conversations` (`from`,
/// `value`) — as nodes, for everything that reads conversations: summaries, token counts, prompt/answer splits.
public struct ConversationTurn: Sendable {
    /// The message object.
    public let message: Int
    /// Its `role` or `from` value, when present.
    public let roleNode: Int?
    /// Its `content` or `value` value, when present (of any kind: content parts are an array).
    public let textNode: Int?
}

public enum ConversationTurns {
    /// Roles that answer: what a model is trained to produce.
    public static let assistantRoles: Set<String> = ["assistant", "gpt", "model", "bot", "chatbot"]

    /// The `messages` or `conversations` array of a record, when it has one.
    public static func list(in record: ParsedRecord, root: Int) -> Int? {
        let list = record.value(forKey: "messages", in: root) ?? record.value(forKey: "conversations", in: root)
        guard let list, record[list].kind == .array else { return nil }
        return list
    }

    /// Every object element of `list`, with its role and text nodes.
    public static func turns(of list: Int, in record: ParsedRecord) -> [ConversationTurn] {
        record.elements(of: list).compactMap { message in
            guard record[message].kind == .object else { return nil }
            return ConversationTurn(message: message,
                                    roleNode: record.value(forKey: "role", in: message) ?? record.value(forKey: "from", in: message),
                                    textNode: record.value(forKey: "content", in: message) ?? record.value(forKey: "value", in: message))
        }
    }

    /// The role of a turn as text (nil when missing or not a string).
    public static func role(of turn: ConversationTurn, in record: ParsedRecord) -> String? {
        turn.roleNode.flatMap { record[$0].kind == .string ? record.string($0) : nil }
    }

    /// True when the turn's role is one of `assistantRoles` (compared without decoding plain strings).
    public static func isAssistant(_ turn: ConversationTurn, in record: ParsedRecord) -> Bool {
        guard let role = turn.roleNode else { return false }
        return assistantRoles.contains { record.keyEquals(role, $0) }
    }
}
