import RecordScanner

/// The two list-of-turns formats: OpenAI `messages` and ShareGPT `conversations`. They share every ordering
/// rule and differ in key names, role names and tool support.
///
/// A dialect is built once per stage, with lookup tables for the keys and roles every message is checked
/// against, so that checking a message compares bytes in the line instead of building strings. It is a class
/// so that the checkers holding it share one reference instead of copying a dozen of them.
final class ConversationDialect: Sendable {
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

    /// The keys `MessageFields.note` looks for, in the order it looks for them: see `MessageKey`.
    let messageKeys: NameTable
    /// `roles`, for finding a role by its bytes.
    let roleTable: NameTable
    /// For each role, what the conversation rules ask of it. Roles are compared as `String`s (canonical
    /// equivalence), so each role points to the first role equal to it.
    private let roleFacts: [RoleFacts]

    private struct RoleFacts: Sendable {
        let canonicalIndex: Int
        let isAssistant: Bool
        let isUser: Bool
        let isSystem: Bool
        let isTool: Bool
    }

    init(listKey: String, roleKey: String, contentKey: String, roles: [String], knownKeys: [String],
         synonyms: [String: String], assistant: String, user: String, systemRoles: Set<String>,
         supportsToolCalls: Bool) {
        self.listKey = listKey
        self.roleKey = roleKey
        self.contentKey = contentKey
        self.roles = roles
        self.knownKeys = knownKeys
        self.synonyms = synonyms
        self.assistant = assistant
        self.user = user
        self.systemRoles = systemRoles
        self.supportsToolCalls = supportsToolCalls
        let fieldKeys = [roleKey, contentKey, "weight"]
            + (supportsToolCalls ? ["tool_calls", "tool_call_id", "function_call"] : [])
        messageKeys = NameTable(fieldKeys + knownKeys)
        roleTable = NameTable(roles)
        roleFacts = roles.map { role in
            RoleFacts(canonicalIndex: roles.firstIndex(of: role)!, isAssistant: role == assistant, isUser: role == user,
                      isSystem: systemRoles.contains(role), isTool: role == "tool")
        }
    }

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

    /// What an index into `messageKeys` stands for.
    enum MessageKey {
        case role, content, weight, toolCalls, toolCallID, functionCall, other
    }

    func messageKey(at index: Int) -> MessageKey {
        switch index {
        case 0: .role
        case 1: .content
        case 2: .weight
        case 3 where supportsToolCalls: .toolCalls
        case 4 where supportsToolCalls: .toolCallID
        case 5 where supportsToolCalls: .functionCall
        default: .other
        }
    }

    /// The role `roles[index]`, written as `name`.
    func role(at index: Int, name: String) -> Role {
        Role(known: roleFacts[index].canonicalIndex, name: name)
    }

    func isAssistant(_ role: Role) -> Bool { role.known.map { roleFacts[$0].isAssistant } ?? (role.name == assistant) }
    func isUser(_ role: Role) -> Bool { role.known.map { roleFacts[$0].isUser } ?? (role.name == user) }
    func isSystem(_ role: Role) -> Bool { role.known.map { roleFacts[$0].isSystem } ?? systemRoles.contains(role.name) }
    func isTool(_ role: Role) -> Bool { role.known.map { roleFacts[$0].isTool } ?? (role.name == "tool") }
}

/// A message's role as the conversation rules see it: the role as written (or as meant, for a typo), and
/// which of the dialect's roles it is. Two roles are the same when their `String`s are equal, which for two
/// known roles is when they point to the same (first) role of the dialect.
struct Role: Equatable {
    /// Index of the first of the dialect's roles equal to this one; nil for a role outside the list.
    let known: Int?
    let name: String

    static func == (lhs: Role, rhs: Role) -> Bool {
        if let left = lhs.known, let right = rhs.known { return left == right }
        return lhs.name == rhs.name
    }
}
