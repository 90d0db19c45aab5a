/// The two list-of-turns formats: OpenAI `messages` and ShareGPT `conversations`. They share every ordering
/// rule and differ in key names, role names and tool support.
struct ConversationDialect {
    let listKey: String
    let roleKey: String
    let contentKey: String
    let roles: [String]
    let knownKeys: [String]
    let synonyms: [String: String]
    let assistant: String
    let user: String
    let systemRoles: Set<String>
    let supportsToolCalls: Bool

    static func messages(_ options: FormatOptions) -> ConversationDialect {
        ConversationDialect(listKey: "messages", roleKey: "role", contentKey: "content", roles: options.roles,
                            knownKeys: FormatOptions.messageKeys + options.extraKeys,
                            synonyms: Suggestion.roleSynonyms, assistant: "assistant", user: "user",
                            systemRoles: ["system", "developer"], supportsToolCalls: true)
    }

    static func shareGPT(_ options: FormatOptions) -> ConversationDialect {
        ConversationDialect(listKey: "conversations", roleKey: "from", contentKey: "value",
                            roles: FormatOptions.shareGPTRoles,
                            knownKeys: FormatOptions.shareGPTKeys + options.extraKeys,
                            synonyms: Suggestion.shareGPTSynonyms, assistant: "gpt", user: "human",
                            systemRoles: ["system"], supportsToolCalls: false)
    }
}
