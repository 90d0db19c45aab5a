import RecordScanner
import Schemas
import Tokenization

/// The tokens of one record, whole and by part: each turn of a conversation (by role), or each text field of an
/// instruction, completion or preference record. What length checks and dataset statistics both read.
public struct RecordLengths: Sendable, Equatable {
    /// One turn or field.
    public struct Part: Sendable, Equatable {
        /// `role:user`, `role:assistant`… for turns; `field:instruction`, `field:chosen`… for fields.
        public let slot: String
        /// The value counted: a turn's content (or the message when it has none), or the field's value.
        public let node: Int
        public let tokens: Int
        /// True for what a model is trained to produce: assistant turns, outputs, completions, chosen and
        /// rejected answers.
        public let isAnswer: Bool
        /// A turn that calls tools (`tool_calls`, `function_call`): its content is a short preface or nothing, not an
        /// answer to judge like the others of its role.
        public var callsTools = false

        public init(slot: String, node: Int, tokens: Int, isAnswer: Bool, callsTools: Bool = false) {
            self.slot = slot
            self.node = node
            self.tokens = tokens
            self.isAnswer = isAnswer
            self.callsTools = callsTools
        }
    }

    /// The record as a chat API bills it (`ChatTokenOverhead.openAICookbook` framing for conversations), or the
    /// sum of its string values.
    public let total: Int
    public let parts: [Part]
    /// Turns of a conversation; nil for records that are not conversations.
    public let turnCount: Int?

    public init(total: Int, parts: [Part], turnCount: Int?) {
        self.total = total
        self.parts = parts
        self.turnCount = turnCount
    }

    /// Fields whose value is text a model reads or writes, in the schemas datalint knows.
    public static let textFields: [String] = ["system", "instruction", "input", "output", "prompt", "completion",
                                              "response", "chosen", "rejected", "text", "question", "answer", "context"]
    public static let answerFields: Set<String> = ["output", "completion", "response", "chosen", "rejected", "answer"]
}

extension RecordTokenCounter {
    /// The lengths of a valid record; nil when the line is not a JSON object.
    public func lengths(of record: ParsedRecord) -> RecordLengths? {
        guard let root = record.rootObject else { return nil }
        if let list = ConversationTurns.list(in: record, root: root) { return conversationLengths(list, record) }
        var parts: [RecordLengths.Part] = []
        for field in RecordLengths.textFields {
            guard let node = record.value(forKey: field, in: root) else { continue }
            let nested = record.stringValueNodes(under: node)
            guard !nested.isEmpty else { continue }
            parts.append(RecordLengths.Part(slot: "field:" + field, node: node, tokens: nested.reduce(0) { $0 + count(record, $1) },
                                            isAnswer: RecordLengths.answerFields.contains(field)))
        }
        let total = record.stringValueNodes().reduce(0) { $0 + count(record, $1) }
        return RecordLengths(total: total, parts: parts, turnCount: nil)
    }

    /// Every turn's content by role, and the conversation's total as the OpenAI cookbook counts it: every string
    /// field of every message, content parts' text, and the framing.
    private func conversationLengths(_ list: Int, _ record: ParsedRecord) -> RecordLengths {
        let overhead = ChatTokenOverhead.openAICookbook
        var total = overhead.replyPriming
        var parts: [RecordLengths.Part] = []
        let turns = ConversationTurns.turns(of: list, in: record)
        for turn in turns {
            var contentTokens = 0
            total += overhead.perMessage
            for member in record.members(of: turn.message) {
                let tokens = member.value == turn.textNode ? contentParts(member.value, record)
                    : record[member.value].kind == .string ? count(record, member.value) : 0
                if member.value == turn.textNode { contentTokens = tokens }
                total += tokens
                if record.keyEquals(member.key, "name") { total += overhead.perName }
            }
            let role = ConversationTurns.role(of: turn, in: record) ?? "?"
            var part = RecordLengths.Part(slot: "role:" + role, node: turn.textNode ?? turn.message, tokens: contentTokens,
                                          isAnswer: ConversationTurns.isAssistant(turn, in: record))
            part.callsTools = record.value(forKey: "tool_calls", in: turn.message) != nil
                || record.value(forKey: "function_call", in: turn.message) != nil
            parts.append(part)
        }
        return RecordLengths(total: total, parts: parts, turnCount: turns.count)
    }

    /// A content value's tokens: a string's, or the `text` of each part of a content-part list.
    private func contentParts(_ node: Int, _ record: ParsedRecord) -> Int {
        switch record[node].kind {
        case .string:
            return count(record, node)
        case .array:
            return record.elements(of: node).reduce(0) { sum, part in
                guard record[part].kind == .object, let text = record.value(forKey: "text", in: part),
                      record[text].kind == .string else { return sum }
                return sum + count(record, text)
            }
        default:
            return 0
        }
    }

    /// The tokens of string node `node`, decoded. Most strings have no escapes: their bytes in the line are the
    /// value, counted where they lie instead of copied out first.
    func count(_ record: ParsedRecord, _ node: Int) -> Int {
        let string = record[node]
        guard !string.hasEscapes else { return count(utf8: record.decodedBytes(node)[...]) }
        return record.withLineBytes { line in count(utf8: UnsafeRawBufferPointer(rebasing: line[(string.start + 1)..<(string.end - 1)])) }
    }
}
