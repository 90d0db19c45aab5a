/// The shapes of training records datalint recognises.
public enum RecordSchema: String, Sendable, CaseIterable, Codable {
    /// OpenAI chat fine-tuning: `{"messages": [{"role", "content", "tool_calls"…}]}`.
    case messages
    /// ShareGPT: `{"conversations": [{"from": "human"|"gpt"|"system", "value"}]}`.
    case sharegpt
    /// Alpaca: `{"instruction", "input", "output"}`.
    case alpaca
    /// `{"prompt", "completion"}` (or `"response"`) pairs.
    case promptCompletion = "prompt-completion"
    /// Preference pairs: `{"prompt", "chosen", "rejected"}` as strings or message lists.
    case preference
    /// Reward-model records: a `score` with prompt/response or messages.
    case reward
    /// Plain text for continued pre-training: `{"text"}`.
    case text
    /// None of the above.
    case unknown

    /// How the schema is named in messages and statistics.
    public var displayName: String {
        switch self {
        case .messages: "OpenAI messages"
        case .sharegpt: "ShareGPT conversations"
        case .alpaca: "Alpaca instruction"
        case .promptCompletion: "prompt/completion"
        case .preference: "preference (chosen/rejected)"
        case .reward: "reward (scored)"
        case .text: "plain text"
        case .unknown: "unknown"
        }
    }

    /// The top-level keys that belong to the schema.
    public var keys: Set<String> {
        switch self {
        case .messages: ["messages", "tools", "parallel_tool_calls", "functions"]
        case .sharegpt: ["conversations", "system", "tools"]
        case .alpaca: ["instruction", "input", "output", "system", "history"]
        case .promptCompletion: ["prompt", "completion", "response"]
        case .preference: ["prompt", "chosen", "rejected", "messages"]
        case .reward: ["prompt", "response", "completion", "messages", "score", "reward"]
        case .text: ["text"]
        case .unknown: []
        }
    }
}
