/// Everything a check run is configured with, as plain values. Built from `datalint.toml` (or `.default` when
/// there is none); command-line flags then override its fields.
public struct DatalintConfiguration: Sendable, Equatable {
    /// Selectors (`format`, `format/`, `pii/email`) to report; empty reports every code.
    public var select: [String] = []
    /// Selectors not to report, applied after `select`.
    public var ignore: [String] = []
    public var failOn: FailThreshold = .error
    /// The waiver file: relative to the configuration file's directory when read from one, so usable as is.
    public var waiverFile: String = DatalintConfiguration.defaultWaiverFileName
    /// Stages turned on or off by name; a stage not listed is on.
    public var stages: [String: Bool] = [:]
    public var severity = SeverityOverrides()
    public var format = FormatSettings()
    public var pii = PIISettings()
    public var dedup = DedupSettings()
    public var length = LengthSettings()
    public var plugins = PluginSettings()

    public static let defaultWaiverFileName = ".datalint-waivers"

    public static let `default` = DatalintConfiguration()

    public init() {}

    public func isStageEnabled(_ name: String) -> Bool { stages[name] ?? true }
}

/// The `[format]` section: settings of the format stage.
public struct FormatSettings: Sendable, Equatable {
    /// Roles allowed in `messages`; nil keeps the format stage's built-in list.
    public var roles: [String]?
    /// Message keys accepted without `format/unknown-key`.
    public var extraKeys: [String] = []
    /// Chat-template tokens to flag in content, on top of the built-in ones.
    public var templateTokens: [String] = []
    /// How deeply JSON values may nest before `format/too-deep`.
    public var maxDepth = FormatSettings.maximumDepth

    /// The scanner's hard limit (`RecordScanner.defaultMaxDepth`, which this module cannot import), and the default.
    public static let maximumDepth = 2048

    public init() {}
}

/// `[pii]`: what the `pii` stage may leave alone, and how its fixes redact.
public struct PIISettings: Sendable, Equatable {
    /// Values never reported (exact matches, such as the project's own support address).
    public var allow: [String] = []
    /// Regular expressions; a value matching one is never reported.
    public var allowPatterns: [String] = []
    /// `placeholder`, `mask`, `hash` or `synthetic`.
    public var redaction = "placeholder"
    /// With `mask`: how many trailing letters and digits stay visible.
    public var maskKeepLast = 4
    /// The file holding the secret key of `hash` and `synthetic` (resolved against the configuration's directory);
    /// the environment variable `DATALINT_REDACTION_KEY` takes precedence.
    public var keyFile: String?

    public static let redactionStrategies = ["placeholder", "mask", "hash", "synthetic"]

    public init() {}
}

/// `[dedup]`: how the `dedup` stage compares records, and which files are evaluation data.
public struct DedupSettings: Sendable, Equatable {
    public var threshold = 0.8
    public var hashes = 128
    public var shingleWords = 5
    /// Which of `normalizations` apply before hashing and shingling.
    public var normalize = ["nfc", "case", "whitespace"]
    /// Glob patterns (relative to the workspace or configuration directory) of evaluation files: a record shared
    /// between one of them and another file is leakage.
    public var evaluationFiles = DedupSettings.defaultEvaluationFiles

    public static let normalizations = ["nfc", "case", "whitespace", "punctuation"]
    public static let defaultEvaluationFiles = ["**/test*.jsonl", "**/*_test.jsonl", "**/eval/**", "**/evaluation/**",
                                                "**/*eval*.jsonl", "**/*benchmark*"]

    public init() {}
}

/// `[length]`: the context and limits the `length` stage judges records by, and how it finds outliers.
public struct LengthSettings: Sendable, Equatable {
    /// The tokenizer encoding (`cl100k_base`, `o200k_base`).
    public var encoding = "cl100k_base"
    public var maxTokens = 8_192
    public var maxAnswerTokens: Int?
    public var minAnswerTokens = 3
    /// `mad` (modified z-score) or `iqr` (Tukey's fences).
    public var outlierMethod = "mad"
    /// `log` or `linear`.
    public var outlierScale = "log"
    public var outlierThreshold = 3.5
    public var iqrFactor = 3.0
    public var outlierMinSamples = 30
    public var outlierMinRatio = 20.0

    public static let encodings = ["cl100k_base", "o200k_base"]
    public static let outlierMethods = ["mad", "iqr"]
    public static let outlierScales = ["log", "linear"]

    public init() {}
}

/// `[plugins]` and `[plugin-configuration]`: stage plugins a project uses. They are loaded only when the user trusts
/// the workspace (`--trust`, or the editor's setting): opening a repository must never run its code.
public struct PluginSettings: Sendable, Equatable {
    /// Shared libraries, resolved against the configuration file's directory.
    public var paths: [String] = []
    /// `process` (a worker process per plugin) or `none` (in datalint's own process).
    public var isolation = "process"
    public var timeoutSeconds = 30.0
    public var memoryLimitMB = 2_048
    public var restarts = 3
    /// Per stage name, its configuration (a JSON object's text).
    public var configuration: [String: String] = [:]

    public static let isolations = ["process", "none"]

    public init() {}
}
