import Configuration
import Diagnostics
import Testing

@Test func emptyFileGivesTheDefaults() throws {
    var expected = DatalintConfiguration.default
    // The default waiver file sits next to the configuration file.
    expected.waiverFile = "conf/.datalint-waivers"
    #expect(try settings(from: "") == expected)
}

@Test func defaultsAreDocumentedValues() {
    let defaults = DatalintConfiguration.default
    #expect(defaults.select.isEmpty)
    #expect(defaults.ignore.isEmpty)
    #expect(defaults.failOn == .error)
    #expect(defaults.waiverFile == ".datalint-waivers")
    #expect(defaults.isStageEnabled("format"))
    #expect(defaults.severity.settings.isEmpty)
    #expect(defaults.format.roles == nil)
    #expect(defaults.format.extraKeys.isEmpty)
    #expect(defaults.format.templateTokens.isEmpty)
    #expect(defaults.format.maxDepth == 2048)
}

@Test func everyStandardKeyIsRead() throws {
    let configuration = try settings(from: """
        [check]
        select = ["format", "pii/email"]
        ignore = ["format/unknown-key"]
        fail_on = "warning"
        waivers = "lint/waivers.txt"

        [stages]
        pii = false

        [severity]
        "format/unknown-key" = "error"
        pii = "off"

        [format]
        roles = ["user", "assistant"]
        extra_keys = ["id", "metadata"]
        template_tokens = ["<|im_start|>"]
        max_depth = 64
        """)
    #expect(configuration.select == ["format", "pii/email"])
    #expect(configuration.ignore == ["format/unknown-key"])
    #expect(configuration.failOn == .warning)
    #expect(configuration.waiverFile == "conf/lint/waivers.txt")
    #expect(configuration.isStageEnabled("format"))
    #expect(!configuration.isStageEnabled("pii"))
    #expect(configuration.severity.settings == ["format/unknown-key": .error, "pii": .off])
    #expect(configuration.format.roles == ["user", "assistant"])
    #expect(configuration.format.extraKeys == ["id", "metadata"])
    #expect(configuration.format.templateTokens == ["<|im_start|>"])
    #expect(configuration.format.maxDepth == 64)
}

@Test func waiverPathIsRelativeToTheConfigurationFile() throws {
    #expect(try settings(from: "[check]\nwaivers = \"w\"\n", path: "/repo/datalint.toml").waiverFile == "/repo/w")
    #expect(try settings(from: "[check]\nwaivers = \"/abs/w\"\n", path: "/repo/datalint.toml").waiverFile == "/abs/w")
    #expect(try settings(from: "[check]\nwaivers = \"w\"\n", path: "datalint.toml").waiverFile == "w")
}

@Test func commandLineFlagsOverrideFileValues() throws {
    var configuration = try settings(from: "[check]\nfail_on = \"never\"\n[severity]\nformat = \"info\"\n")
    configuration.failOn = .warning
    configuration.severity = configuration.severity.merging(SeverityOverrides(["format": .error]))
    #expect(configuration.failOn == .warning)
    #expect(configuration.severity["format"] == .error)
}

@Test func inlineTableSectionsAreRead() throws {
    #expect(try settings(from: "format = { max_depth = 7 }\n").format.maxDepth == 7)
}

@Test func failThresholdCountsTheRightSeverities() {
    #expect(FailThreshold.error.fails(on: .error))
    #expect(!FailThreshold.error.fails(on: .warning))
    #expect(FailThreshold.warning.fails(on: .warning))
    #expect(!FailThreshold.warning.fails(on: .info))
    #expect(FailThreshold.info.fails(on: .info))
    #expect(!FailThreshold.info.fails(on: .hint))
    #expect(!FailThreshold.never.fails(on: .error))

    var summary = CheckSummary()
    summary.count(.warning)
    #expect(!FailThreshold.error.fails(summary))
    #expect(FailThreshold.warning.fails(summary))
    #expect(!FailThreshold.never.fails(summary))
}

@Test func piiSectionIsReadWithTheKeyFileNextToTheConfiguration() throws {
    let configuration = try settings(from: """
        [pii]
        allow = ["support@acme.example"]
        allow_patterns = ["@acme\\\\.example$"]
        redaction = "synthetic"
        mask_keep_last = 2
        key_file = "secrets/redaction.key"
        """)
    #expect(configuration.pii.allow == ["support@acme.example"])
    #expect(configuration.pii.allowPatterns == ["@acme\\.example$"])
    #expect(configuration.pii.redaction == "synthetic")
    #expect(configuration.pii.maskKeepLast == 2)
    #expect(configuration.pii.keyFile == "conf/secrets/redaction.key")
}

@Test func invalidPIISettingsAreErrorsWithTheirPlace() {
    let found = problems(in: """
        [pii]
        redaction = "shred"
        allow_patterns = ["(unclosed"]
        """)
    #expect(found.contains { $0.hasPrefix("conf/datalint.toml:2:") && $0.contains("placeholder") })
    #expect(found.contains { $0.hasPrefix("conf/datalint.toml:3:") && $0.contains("invalid regular expression") })
}
