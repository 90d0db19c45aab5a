import Diagnostics

/// The names of the sections and keys datalint itself reads, shared by the schema and the settings reader.
enum StandardKey {
    static let check = "check"
    static let select = "select"
    static let ignore = "ignore"
    static let failOn = "fail_on"
    static let waivers = "waivers"

    static let stages = "stages"
    static let severity = "severity"

    static let format = "format"
    static let roles = "roles"
    static let extraKeys = "extra_keys"
    static let templateTokens = "template_tokens"
    static let maxDepth = "max_depth"

    static let pii = "pii"
    static let allow = "allow"
    static let allowPatterns = "allow_patterns"
    static let redaction = "redaction"
    static let maskKeepLast = "mask_keep_last"
    static let keyFile = "key_file"

    static let dedup = "dedup"
    static let threshold = "threshold"
    static let hashes = "hashes"
    static let shingleWords = "shingle_words"
    static let normalize = "normalize"
    static let evaluationFiles = "evaluation_files"

    static let plugins = "plugins"
    static let paths = "paths"
    static let isolation = "isolation"
    static let timeoutSeconds = "timeout_seconds"
    static let memoryLimitMB = "memory_limit_mb"
    static let restarts = "restarts"
    static let pluginConfiguration = "plugin-configuration"

    static let length = "length"
    static let encoding = "encoding"
    static let maxTokens = "max_tokens"
    static let maxAnswerTokens = "max_answer_tokens"
    static let minAnswerTokens = "min_answer_tokens"
    static let outlierMethod = "outlier_method"
    static let outlierScale = "outlier_scale"
    static let outlierThreshold = "outlier_threshold"
    static let iqrFactor = "iqr_factor"
    static let outlierMinSamples = "outlier_min_samples"
    static let outlierMinRatio = "outlier_min_ratio"
}

extension ConfigurationSchema {
    /// The sections datalint itself reads: `[check]`, `[stages]`, `[severity]` and `[format]`.
    ///
    /// - Parameters:
    ///   - stageNames: the stages `[stages]` may name.
    ///   - catalog: when given, code selectors must name known codes; without it only their spelling is checked.
    public static func standard(stageNames: [String], catalog: DiagnosticCatalog? = nil) -> ConfigurationSchema {
        let selectors = DiagnosticSelectorCheck(catalog: catalog)
        return ConfigurationSchema([
            checkSection(selectors: selectors),
            stagesSection(stageNames: stageNames),
            severitySection(selectors: selectors),
            formatSection(),
            piiSection(),
            dedupSection(),
            lengthSection(),
            pluginsSection(),
            pluginConfigurationSection(),
        ])
    }

    private static func checkSection(selectors: DiagnosticSelectorCheck) -> SectionSchema {
        let selectorList = ValueRule.stringList(of: "diagnostic codes") { selector, key in
            selectors.problem(with: selector, place: "in '\(key)'")
        }
        return SectionSchema(name: StandardKey.check, keys: [
            KeySchema(StandardKey.select, selectorList),
            KeySchema(StandardKey.ignore, selectorList),
            KeySchema(StandardKey.failOn, .oneOf(FailThreshold.allCases.map(\.rawValue))),
            KeySchema(StandardKey.waivers, .nonEmptyString),
        ])
    }

    private static func stagesSection(stageNames: [String]) -> SectionSchema {
        SectionSchema(name: StandardKey.stages, openKeys: OpenKeys(rule: .boolean) { name in
            guard !stageNames.contains(name) else { return nil }
            let known = stageNames.isEmpty ? "" : " (known stages: \(stageNames.sorted().joined(separator: ", ")))"
            return "unknown stage '\(name)' in [stages]"
                + NameSuggestion.clause(for: name, among: stageNames) + known
        })
    }

    private static func severitySection(selectors: DiagnosticSelectorCheck) -> SectionSchema {
        SectionSchema(name: StandardKey.severity,
                      openKeys: OpenKeys(rule: .oneOf(SeveritySetting.allCases.map(\.rawValue))) { name in
            selectors.problem(with: name, place: "in [severity]")
        })
    }

    private static func piiSection() -> SectionSchema {
        SectionSchema(name: StandardKey.pii, keys: [
            KeySchema(StandardKey.allow, .nonEmptyStringList),
            KeySchema(StandardKey.allowPatterns, .stringList(of: "regular expressions") { pattern, key in
                do {
                    _ = try Regex(pattern)
                    return nil
                } catch {
                    return "'\(key)' holds an invalid regular expression '\(pattern)': \(error)"
                }
            }),
            KeySchema(StandardKey.redaction, .oneOf(PIISettings.redactionStrategies)),
            KeySchema(StandardKey.maskKeepLast, .integer(in: 0...16)),
            KeySchema(StandardKey.keyFile, .nonEmptyString),
        ])
    }

    private static func dedupSection() -> SectionSchema {
        SectionSchema(name: StandardKey.dedup, keys: [
            KeySchema(StandardKey.threshold, .fraction(in: 0...1)),
            KeySchema(StandardKey.hashes, .integer(in: 16...1024)),
            KeySchema(StandardKey.shingleWords, .integer(in: 1...32)),
            KeySchema(StandardKey.normalize, .stringList(of: "normalizations") { word, key in
                DedupSettings.normalizations.contains(word) ? nil
                    : "'\(key)' may hold \(DedupSettings.normalizations.joined(separator: ", ")), not '\(word)'"
            }),
            KeySchema(StandardKey.evaluationFiles, .nonEmptyStringList),
        ])
    }

    private static func lengthSection() -> SectionSchema {
        SectionSchema(name: StandardKey.length, keys: [
            KeySchema(StandardKey.encoding, .oneOf(LengthSettings.encodings)),
            KeySchema(StandardKey.maxTokens, .integer(in: 1...10_000_000)),
            KeySchema(StandardKey.maxAnswerTokens, .integer(in: 1...10_000_000)),
            KeySchema(StandardKey.minAnswerTokens, .integer(in: 0...1_000)),
            KeySchema(StandardKey.outlierMethod, .oneOf(LengthSettings.outlierMethods)),
            KeySchema(StandardKey.outlierScale, .oneOf(LengthSettings.outlierScales)),
            KeySchema(StandardKey.outlierThreshold, .fraction(in: 0...100)),
            KeySchema(StandardKey.iqrFactor, .fraction(in: 0...100)),
            KeySchema(StandardKey.outlierMinSamples, .integer(in: 3...1_000_000)),
            KeySchema(StandardKey.outlierMinRatio, .number(in: 1...1_000_000)),
        ])
    }

    private static func pluginsSection() -> SectionSchema {
        SectionSchema(name: StandardKey.plugins, keys: [
            KeySchema(StandardKey.paths, .nonEmptyStringList),
            KeySchema(StandardKey.isolation, .oneOf(PluginSettings.isolations)),
            KeySchema(StandardKey.timeoutSeconds, .fraction(in: 0...86_400)),
            KeySchema(StandardKey.memoryLimitMB, .integer(in: 64...1_048_576)),
            KeySchema(StandardKey.restarts, .integer(in: 0...100)),
        ])
    }

    /// `[plugin-configuration]`: per stage name, its configuration as a JSON object's text.
    private static func pluginConfigurationSection() -> SectionSchema {
        SectionSchema(name: StandardKey.pluginConfiguration, openKeys: OpenKeys(rule: .jsonObjectText) { _ in nil })
    }

    private static func formatSection() -> SectionSchema {
        SectionSchema(name: StandardKey.format, keys: [
            KeySchema(StandardKey.roles, .nonEmptyStringList),
            KeySchema(StandardKey.extraKeys, .nonEmptyStringList),
            KeySchema(StandardKey.templateTokens, .nonEmptyStringList),
            KeySchema(StandardKey.maxDepth, .integer(in: 1...FormatSettings.maximumDepth)),
        ])
    }
}
