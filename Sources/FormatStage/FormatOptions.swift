/// Settings of the format stage (the `[format]` section of `datalint.toml`).
public struct FormatOptions: Sendable, Equatable {
    /// Roles allowed in OpenAI `messages`.
    public var roles: [String]
    /// Extra keys accepted in messages without `format/unknown-key`.
    public var extraKeys: [String]
    /// Chat-template tokens to flag in content, besides the built-in ones.
    public var templateTokens: [String]

    public init(roles: [String] = FormatOptions.defaultRoles, extraKeys: [String] = [], templateTokens: [String] = []) {
        self.roles = roles
        self.extraKeys = extraKeys
        self.templateTokens = templateTokens
    }

    public static let defaultRoles = ["system", "developer", "user", "assistant", "tool", "function"]

    /// Keys OpenAI's chat format defines for a message, plus common reasoning fields.
    public static let messageKeys = ["role", "content", "name", "tool_calls", "tool_call_id", "weight",
                                     "function_call", "refusal", "reasoning_content", "thinking"]

    /// Values of `from` in ShareGPT conversations.
    public static let shareGPTRoles = ["system", "human", "gpt", "tool", "function_call", "observation"]

    public static let shareGPTKeys = ["from", "value", "weight"]

    /// Control tokens of common chat templates (ChatML, Llama 2 and 3, Gemma, Phi, GPT).
    public static let builtInTemplateTokens = [
        "<|im_start|>", "<|im_end|>", "[INST]", "[/INST]", "<<SYS>>", "<</SYS>>", "<s>", "</s>",
        "<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>", "<|endoftext|>",
        "<start_of_turn>", "<end_of_turn>", "<|system|>", "<|user|>", "<|assistant|>", "<|end|>",
    ]
}
