// The assistant turns of one record, read with JSONDecoder (which resolves every JSON escape) and addressed by
// JSON Pointer. Two layouts: OpenAI-style `messages: [{role, content}]`, where `content` is a string or a list of
// parts `{type, text}`, and ShareGPT `conversations: [{from, value}]`.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A piece of assistant text and where it is.
struct AssistantText {
    let pointer: String
    let text: String
}

/// Any object key, so records with keys of every shape can be read without failing.
struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The record's assistant texts. Decoding throws only when the record is not a JSON object; every other surprise
/// (no conversation, turns that are not objects, content of another type) just yields fewer texts, because
/// reporting the shape of records is the format stage's job.
struct AssistantTurns: Decodable {
    private(set) var texts: [AssistantText] = []

    init(from decoder: any Decoder) throws {
        let record = try decoder.container(keyedBy: AnyKey.self)
        // The pointers below are built from fixed ASCII keys, so they need no RFC 6901 escaping.
        for list in ["messages", "conversations"] {
            guard var turns = try? record.nestedUnkeyedContainer(forKey: AnyKey(list)) else { continue }
            var index = 0
            while !turns.isAtEnd {
                // Turn.init never throws, so the container always moves on to the next element.
                guard let turn = try? turns.decode(Turn.self) else { break }
                if turn.isAssistant {
                    for (suffix, text) in turn.texts {
                        texts.append(AssistantText(pointer: "/\(list)/\(index)\(suffix)", text: text))
                    }
                }
                index += 1
            }
        }
    }
}

/// One element of a conversation, read leniently.
private struct Turn: Decodable {
    var isAssistant = false
    /// Pointer suffixes within the turn ("/content", "/content/2/text", "/value") and their texts.
    var texts: [(String, String)] = []

    init(from decoder: any Decoder) {
        guard let turn = try? decoder.container(keyedBy: AnyKey.self) else { return }
        let role = try? turn.decode(String.self, forKey: AnyKey("role"))
        let from = try? turn.decode(String.self, forKey: AnyKey("from"))
        isAssistant = role == "assistant" || from == "gpt" || from == "assistant"
        guard isAssistant else { return }
        if let content = try? turn.decode(String.self, forKey: AnyKey("content")) {
            texts.append(("/content", content))
        } else if let parts = try? turn.decode([Part].self, forKey: AnyKey("content")) {
            for (index, part) in parts.enumerated() {
                if let text = part.text { texts.append(("/content/\(index)/text", text)) }
            }
        }
        if let value = try? turn.decode(String.self, forKey: AnyKey("value")) {
            texts.append(("/value", value))
        }
    }
}

/// A content part; only text parts matter.
private struct Part: Decodable {
    var text: String?

    init(from decoder: any Decoder) {
        let part = try? decoder.container(keyedBy: AnyKey.self)
        text = try? part?.decode(String.self, forKey: AnyKey("text"))
    }
}
