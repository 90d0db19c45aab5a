import Configuration
import DatasetIO
import Diagnostics
import DuplicateStage
import FormatStage
import LengthStage
import PIIStage
import PluginHost
import StageKit
import TextNormalization
import Tokenization
import Waivers

/// What the command line says on top of the configuration file; nil or empty leaves the file's setting.
public struct CheckOverrides: Sendable {
    /// Replaces the file's `select` when not empty.
    public var select: [String] = []
    /// Added to the file's `ignore`.
    public var ignore: [String] = []
    public var failOn: FailThreshold?

    public init(select: [String] = [], ignore: [String] = [], failOn: FailThreshold? = nil) {
        self.select = select
        self.ignore = ignore
        self.failOn = failOn
    }
}

/// The stages, policy and thresholds one dataset is checked with: its configuration file's settings with the
/// command line's overrides on top. The CLI and the language server build checks the same way through it.
public struct CheckPlan: Sendable {
    public let stages: [AnyRecordStage]
    public let policy: DiagnosticPolicy
    public let failOn: FailThreshold
    public let maxDepth: Int
    /// Which files are evaluation data, and the near-duplicate threshold, for comparisons across files.
    public let evaluationFiles: EvaluationFiles
    public let duplicateThreshold: Double
    /// The `dedup` stage when it runs, for callers that run it apart from the others (the language server finds
    /// duplicates after the first diagnostics are out, and incrementally).
    public let duplicateStage: DuplicateStage?

    /// The `length` stage when it runs, which the language server also runs after the first diagnostics are out.
    public let lengthStage: LengthStage?
    /// The plugin stages that run (the language server runs them in the background, in batches).
    public let plugins: [PluginStage]

    /// `datasetPath`, when the dataset is a file that can be read again, lets the `dedup` stage measure borderline
    /// near-duplicate candidates exactly, and plugins' `finish` findings be placed exactly.
    /// `tokenCounters`, when given for the configured encoding, shares a tokenizer already loaded.
    /// `plugins` are stage plugins already started for this run; they run after the built-in stages.
    public init(configuration: DatalintConfiguration, overrides: CheckOverrides = CheckOverrides(), datasetPath: String? = nil,
                tokenCounters: TokenCounters? = nil, plugins: [PluginStage] = []) {
        let select = overrides.select.isEmpty ? configuration.select : overrides.select
        let policy = DiagnosticPolicy(select: select, ignore: configuration.ignore + overrides.ignore,
                                      severityOverrides: configuration.severity.policyOverrides)
        self.policy = policy
        failOn = overrides.failOn ?? configuration.failOn
        maxDepth = configuration.format.maxDepth
        evaluationFiles = EvaluationFiles(patterns: configuration.dedup.evaluationFiles)
        duplicateThreshold = configuration.dedup.threshold
        let length = BuiltInStages.lengthStage(configuration.length, tokenCounters: tokenCounters)
        let finishedLines = datasetPath.flatMap(DatasetFileLines.init(readingAgain:))
        let candidates = BuiltInStages.make(configuration, datasetPath: datasetPath, length: length)
            + plugins.map { AnyRecordStage(batch: $0.readingFinishedLines(from: finishedLines)) }
        stages = candidates.filter { stage in
            configuration.isStageEnabled(stage.name) && policy.admitsAny(of: stage.codes)
        }
        duplicateStage = stages.contains { $0.name == DuplicateStage.stageName }
            ? DuplicateStage(options: BuiltInStages.duplicateOptions(configuration.dedup)) : nil
        lengthStage = stages.contains { $0.name == LengthStage.stageName } ? length : nil
        let running = Set(stages.map(\.name))
        self.plugins = plugins.filter { running.contains($0.name) }
    }

    /// True when `code` can be reported in this plan, so a waiver for it can be judged stale.
    public func canReport(_ code: DiagnosticCode) -> Bool {
        guard let descriptor = BuiltInStages.catalog.descriptor(for: code) else { return false }
        guard stages.contains(where: { $0.codes.contains(descriptor) }) else { return false }
        return policy.admitsAny(of: [descriptor])
    }
}

/// The stages datalint ships, and every code they and the waiver file can report.
public enum BuiltInStages {
    public static let names = ["format", "pii", "dedup", "length"]

    public static let catalog = DiagnosticCatalog([
        FormatCode.allCases.map(\.descriptor),
        PIICode.allCases.map(\.descriptor),
        DuplicateCode.allCases.map(\.descriptor),
        LengthCode.allCases.map(\.descriptor),
        PluginCode.allCases.map(\.descriptor),
        WaiverCode.allCases.map(\.descriptor),
    ])

    static func make(_ configuration: DatalintConfiguration, datasetPath: String?, length: LengthStage) -> [AnyRecordStage] {
        let format = configuration.format
        let options = FormatOptions(roles: format.roles ?? FormatOptions.defaultRoles, extraKeys: format.extraKeys,
                                    templateTokens: format.templateTokens)
        let pii = PIIStage(allowedValues: configuration.pii.allow, allowedPatterns: configuration.pii.allowPatterns,
                           redactor: RedactionSetup.redactor(for: configuration.pii))
        return [AnyRecordStage(FormatStage(options: options)), AnyRecordStage(pii),
                AnyRecordStage(DuplicateStage(options: duplicateOptions(configuration.dedup),
                                              lineSource: datasetPath.flatMap(DatasetFileLines.init(readingAgain:)))),
                AnyRecordStage(length)]
    }

    static func lengthStage(_ settings: LengthSettings, tokenCounters: TokenCounters?) -> LengthStage {
        let options = lengthOptions(settings)
        return LengthStage(options: options, counters: tokenCounters?.encoding == options.encoding ? tokenCounters : nil)
    }

    static func lengthOptions(_ settings: LengthSettings) -> LengthOptions {
        var options = LengthOptions()
        options.encoding = BPEEncoding.named(settings.encoding) ?? .cl100kBase
        options.maxTokens = settings.maxTokens
        options.maxAnswerTokens = settings.maxAnswerTokens
        options.minAnswerTokens = settings.minAnswerTokens
        options.outliers.method = OutlierRule.Method(rawValue: settings.outlierMethod) ?? .mad
        options.outliers.scale = OutlierRule.Scale(rawValue: settings.outlierScale) ?? .log
        options.outliers.threshold = settings.outlierThreshold
        options.outliers.iqrFactor = settings.iqrFactor
        options.outliers.minSamples = settings.outlierMinSamples
        options.outliers.minRatio = settings.outlierMinRatio
        return options
    }

    static func duplicateOptions(_ settings: DedupSettings) -> DuplicateOptions {
        let normalize = Set(settings.normalize)
        let normalization = NormalizationOptions(unicodeNFC: normalize.contains("nfc"), caseFold: normalize.contains("case"),
                                                 collapseWhitespace: normalize.contains("whitespace"),
                                                 stripPunctuation: normalize.contains("punctuation"))
        return DuplicateOptions(normalization: normalization, threshold: settings.threshold, hashCount: settings.hashes,
                                shingleWords: settings.shingleWords)
    }
}
