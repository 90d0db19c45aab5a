/// One chat message as the OpenAI cookbook counts it: its string fields, in order (`role`, `content`, and `name`
/// when the message has one).
public struct ChatMessage: Sendable, Hashable {
    public var fields: [Field]

    public struct Field: Sendable, Hashable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(fields: [Field]) {
        self.fields = fields
    }

    public init(role: String, content: String, name: String? = nil) {
        var fields = [Field(key: "role", value: role), Field(key: "content", value: content)]
        if let name { fields.append(Field(key: "name", value: name)) }
        self.fields = fields
    }
}

/// The tokens a chat API adds around messages, counted as the OpenAI cookbook's `num_tokens_from_messages` does
/// for current models: 3 per message (`<|start|>{role}…<|end|>` framing), 1 more for a message with a `name`,
/// and 3 for the reply the model is primed to write (`<|start|>assistant<|message|>`).
///
/// These are the cookbook's published constants, not something the rank files say, so they are kept apart from
/// the tokenizer and can be changed for models that frame messages differently.
public struct ChatTokenOverhead: Sendable, Hashable {
    public var perMessage: Int
    public var perName: Int
    public var replyPriming: Int

    public init(perMessage: Int = 3, perName: Int = 1, replyPriming: Int = 3) {
        self.perMessage = perMessage
        self.perName = perName
        self.replyPriming = replyPriming
    }

    /// The cookbook's numbers for gpt-3.5-turbo, gpt-4, gpt-4o and later models.
    public static let openAICookbook = ChatTokenOverhead()

    /// The tokens framing `messageCount` messages of which `namedCount` have a name, reply priming included.
    public func overhead(messageCount: Int, namedCount: Int = 0) -> Int {
        messageCount * perMessage + namedCount * perName + replyPriming
    }

    /// The tokens of a whole conversation: every field value counted by `tokens`, plus the framing. Like the
    /// cookbook, the `role` value is counted too, and a field whose key is `name` adds `perName`.
    public func count(_ messages: [ChatMessage], tokens: (String) -> Int) -> Int {
        var total = replyPriming
        for message in messages {
            total += perMessage
            for field in message.fields {
                total += tokens(field.value)
                if field.key == "name" { total += perName }
            }
        }
        return total
    }
}

extension TokenizerSession {
    /// The exact tokens of a conversation, framing included (see `ChatTokenOverhead`).
    public func count(_ messages: [ChatMessage], overhead: ChatTokenOverhead = .openAICookbook) -> Int {
        overhead.count(messages) { count($0) }
    }
}
