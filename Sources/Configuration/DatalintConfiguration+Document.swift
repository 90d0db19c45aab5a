extension DatalintConfiguration {
    /// The settings a validated configuration file gives, with defaults for everything it leaves out.
    public init(_ document: ConfigurationDocument) {
        self.init()
        readCheckSection(of: document)
        for stage in document.keys(in: StandardKey.stages) {
            stages[stage] = document.boolean(stage, in: StandardKey.stages)
        }
        for selector in document.keys(in: StandardKey.severity) {
            severity[selector] = document.string(selector, in: StandardKey.severity).flatMap(SeveritySetting.init)
        }
        readFormatSection(of: document)
        readPIISection(of: document)
        readDedupSection(of: document)
        readLengthSection(of: document)
        readPluginSections(of: document)
    }

    private mutating func readPluginSections(of document: ConfigurationDocument) {
        let section = StandardKey.plugins
        plugins.paths = (document.stringList(StandardKey.paths, in: section) ?? []).map(document.resolvePath)
        plugins.isolation = document.string(StandardKey.isolation, in: section) ?? plugins.isolation
        plugins.timeoutSeconds = document.number(StandardKey.timeoutSeconds, in: section) ?? plugins.timeoutSeconds
        plugins.memoryLimitMB = document.integer(StandardKey.memoryLimitMB, in: section) ?? plugins.memoryLimitMB
        plugins.restarts = document.integer(StandardKey.restarts, in: section) ?? plugins.restarts
        for name in document.keys(in: StandardKey.pluginConfiguration) {
            plugins.configuration[name] = document.string(name, in: StandardKey.pluginConfiguration)
        }
    }

    private mutating func readLengthSection(of document: ConfigurationDocument) {
        let section = StandardKey.length
        length.encoding = document.string(StandardKey.encoding, in: section) ?? length.encoding
        length.maxTokens = document.integer(StandardKey.maxTokens, in: section) ?? length.maxTokens
        length.maxAnswerTokens = document.integer(StandardKey.maxAnswerTokens, in: section) ?? length.maxAnswerTokens
        length.minAnswerTokens = document.integer(StandardKey.minAnswerTokens, in: section) ?? length.minAnswerTokens
        length.outlierMethod = document.string(StandardKey.outlierMethod, in: section) ?? length.outlierMethod
        length.outlierScale = document.string(StandardKey.outlierScale, in: section) ?? length.outlierScale
        length.outlierThreshold = document.number(StandardKey.outlierThreshold, in: section) ?? length.outlierThreshold
        length.iqrFactor = document.number(StandardKey.iqrFactor, in: section) ?? length.iqrFactor
        length.outlierMinSamples = document.integer(StandardKey.outlierMinSamples, in: section) ?? length.outlierMinSamples
        length.outlierMinRatio = document.number(StandardKey.outlierMinRatio, in: section) ?? length.outlierMinRatio
    }

    private mutating func readDedupSection(of document: ConfigurationDocument) {
        let section = StandardKey.dedup
        dedup.threshold = document.number(StandardKey.threshold, in: section) ?? dedup.threshold
        dedup.hashes = document.integer(StandardKey.hashes, in: section) ?? dedup.hashes
        dedup.shingleWords = document.integer(StandardKey.shingleWords, in: section) ?? dedup.shingleWords
        dedup.normalize = document.stringList(StandardKey.normalize, in: section) ?? dedup.normalize
        dedup.evaluationFiles = document.stringList(StandardKey.evaluationFiles, in: section) ?? dedup.evaluationFiles
    }

    private mutating func readPIISection(of document: ConfigurationDocument) {
        let section = StandardKey.pii
        pii.allow = document.stringList(StandardKey.allow, in: section) ?? pii.allow
        pii.allowPatterns = document.stringList(StandardKey.allowPatterns, in: section) ?? pii.allowPatterns
        pii.redaction = document.string(StandardKey.redaction, in: section) ?? pii.redaction
        pii.maskKeepLast = document.integer(StandardKey.maskKeepLast, in: section) ?? pii.maskKeepLast
        pii.keyFile = document.string(StandardKey.keyFile, in: section).map(document.resolvePath)
    }

    private mutating func readCheckSection(of document: ConfigurationDocument) {
        let section = StandardKey.check
        select = document.stringList(StandardKey.select, in: section) ?? select
        ignore = document.stringList(StandardKey.ignore, in: section) ?? ignore
        failOn = document.string(StandardKey.failOn, in: section).flatMap(FailThreshold.init) ?? failOn
        // The waiver file lives next to the configuration by default, not in whatever directory datalint runs in.
        waiverFile = document.resolvePath(document.string(StandardKey.waivers, in: section) ?? waiverFile)
    }

    private mutating func readFormatSection(of document: ConfigurationDocument) {
        let section = StandardKey.format
        format.roles = document.stringList(StandardKey.roles, in: section) ?? format.roles
        format.extraKeys = document.stringList(StandardKey.extraKeys, in: section) ?? format.extraKeys
        format.templateTokens = document.stringList(StandardKey.templateTokens, in: section) ?? format.templateTokens
        format.maxDepth = document.integer(StandardKey.maxDepth, in: section) ?? format.maxDepth
    }
}
