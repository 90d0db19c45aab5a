import RecordScanner

/// What schema detection found for a record, and which key decided it.
public struct SchemaDetection: Sendable, Equatable {
    public let schema: RecordSchema
    /// The key node that identifies the schema (`"messages"`, `"chosen"`…), where there is one.
    public let anchorKey: Int?
}

/// Decides a record's schema from its top-level keys.
///
/// The most specific shape wins: a record with a `score` beside a prompt/response or a message list is a reward
/// record, one with `chosen` and `rejected` is a preference pair, before the plainer chat and pair shapes.
public enum SchemaDetector {
    public static func detect(_ record: ParsedRecord) -> SchemaDetection {
        guard let root = record.rootObject else { return SchemaDetection(schema: .unknown, anchorKey: nil) }
        var keys = KeyPresence()
        for member in record.members(of: root) {
            keys.note(record: record, key: member.key)
        }
        return keys.decide()
    }
}

/// Which schema-defining keys a record has, and where the first of each is.
private struct KeyPresence {
    var messages: Int?
    var conversations: Int?
    var instruction: Int?
    var output: Int?
    var prompt: Int?
    var completion: Int?
    var response: Int?
    var chosen: Int?
    var rejected: Int?
    var score: Int?
    var text: Int?

    mutating func note(record: ParsedRecord, key: Int) {
        let node = record[key]
        // Every schema key is short and plain; skip the comparisons for anything else.
        guard !node.hasEscapes, node.end - node.start <= 16 else { return }
        func first(_ slot: inout Int?, _ name: String) -> Bool {
            guard record.keyEquals(key, name) else { return false }
            if slot == nil { slot = key }
            return true
        }
        _ = first(&messages, "messages") || first(&conversations, "conversations")
            || first(&instruction, "instruction") || first(&output, "output") || first(&prompt, "prompt")
            || first(&completion, "completion") || first(&response, "response") || first(&chosen, "chosen")
            || first(&rejected, "rejected") || first(&score, "score") || first(&score, "reward")
            || first(&text, "text")
    }

    func decide() -> SchemaDetection {
        if let score, messages != nil || prompt != nil && (response ?? completion) != nil {
            return SchemaDetection(schema: .reward, anchorKey: score)
        }
        if let chosen, rejected != nil { return SchemaDetection(schema: .preference, anchorKey: chosen) }
        if let messages { return SchemaDetection(schema: .messages, anchorKey: messages) }
        if let conversations { return SchemaDetection(schema: .sharegpt, anchorKey: conversations) }
        if let anchor = instruction ?? (output != nil && prompt == nil ? output : nil) {
            return SchemaDetection(schema: .alpaca, anchorKey: anchor)
        }
        if let prompt, (completion ?? response) != nil {
            return SchemaDetection(schema: .promptCompletion, anchorKey: prompt)
        }
        if let text { return SchemaDetection(schema: .text, anchorKey: text) }
        return SchemaDetection(schema: .unknown, anchorKey: nil)
    }
}
