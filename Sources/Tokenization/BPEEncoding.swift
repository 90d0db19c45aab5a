/// What defines one of tiktoken's encodings besides its rank file: the pre-tokenization pattern, the special
/// tokens, and what the rank file must look like.
///
/// The pattern strings, special tokens and file hashes are data from tiktoken's `tiktoken_ext/openai_public.py`,
/// kept character for character so that a diff against tiktoken shows any drift.
public struct BPEEncoding: Sendable, Hashable {
    /// tiktoken's name for the encoding, which is also the rank file's name without `.tiktoken`.
    public let name: String
    /// tiktoken's `pat_str`, as tiktoken writes it (Rust `fancy-regex` syntax).
    public let pattern: String
    /// The special tokens and their ids. Ordinary encoding never produces them.
    public let specialTokens: [String: Int]
    /// How many tokens the rank file holds.
    public let rankCount: Int
    /// The SHA-256 of the rank file, lower-case hex, as tiktoken's `expected_hash`; nil for an encoding made up
    /// for tests.
    public let sha256: String?
    /// The name tiktoken gives the file in its cache directory (the SHA-1 of the address it downloads it from),
    /// so that a machine where Python's tiktoken already fetched the file can use that copy.
    public let tiktokenCacheKey: String?

    public init(name: String, pattern: String, specialTokens: [String: Int] = [:], rankCount: Int,
                sha256: String? = nil, tiktokenCacheKey: String? = nil) {
        self.name = name
        self.pattern = pattern
        self.specialTokens = specialTokens
        self.rankCount = rankCount
        self.sha256 = sha256
        self.tiktokenCacheKey = tiktokenCacheKey
    }

    /// The rank file's name.
    public var fileName: String { name + ".tiktoken" }

    /// The encoding of GPT-4 and GPT-3.5-turbo (and OpenAI's text-embedding-3 models).
    public static let cl100kBase = BPEEncoding(
        name: "cl100k_base",
        pattern: #"'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"#,
        specialTokens: [
            "<|endoftext|>": 100257, "<|fim_prefix|>": 100258, "<|fim_middle|>": 100259, "<|fim_suffix|>": 100260,
            "<|endofprompt|>": 100276,
        ],
        rankCount: 100_256,
        sha256: "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        tiktokenCacheKey: "9b5ad71b2ce5302211f9c61530b329a4922fc6a4")

    /// The encoding of GPT-4o, GPT-4.1, o1, o3 and o4-mini.
    public static let o200kBase = BPEEncoding(
        name: "o200k_base",
        pattern: [
            #"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?"#,
            #"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?"#,
            #"\p{N}{1,3}"#,
            #" ?[^\s\p{L}\p{N}]+[\r\n/]*"#,
            #"\s*[\r\n]+"#,
            #"\s+(?!\S)"#,
            #"\s+"#,
        ].joined(separator: "|"),
        specialTokens: ["<|endoftext|>": 199999, "<|endofprompt|>": 200018],
        rankCount: 199_998,
        sha256: "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
        tiktokenCacheKey: "fb374d419588a4632f3f557e76b4b70aebbca790")

    /// The encodings datalint knows by name.
    public static let all: [BPEEncoding] = [.cl100kBase, .o200kBase]

    /// The known encoding called `name` (`cl100k_base`, `o200k_base`), if any.
    public static func named(_ name: String) -> BPEEncoding? {
        all.first { $0.name == name }
    }
}
