import Checker
import Configuration
import DatasetText
import Diagnostics
import Foundation
import LanguageServerProtocol
import DuplicateStage
import LengthStage
import PluginHost
import RecordScanner
import Tokenization

/// The open datasets and how to check them. An actor: notifications change documents in the order they
/// arrive, while requests read consistent snapshots.
actor DatasetWorkspace {
    private var documents: [String: AnalyzedDocument] = [:]
    private var analyzers: [String: RecordAnalyzer] = [:]
    private let encoding: PositionEncoding
    private let documentationBase: String?
    private var clientSettings: ClientSettings
    private var configurations = ConfigurationCache()
    private var generationCounter = 0
    /// One per encoding, shared by every document's `length` stage and hovers, so each rank file is read once.
    private var tokenCounters: [String: TokenCounters] = [:]
    /// Plugin stages started so far, by what was asked (paths, configurations, limits), shared by documents.
    private var startedPlugins: [[PluginRequest]: [PluginStage]] = [:]
    private var startingPlugins: Set<[PluginRequest]> = []
    /// Called once plugins started in the background run: the server schedules their work on open documents.
    let onPluginsReady: @Sendable () -> Void
    private var pluginProblems: [String] = []
    /// How a plugin's worker process is started: this datalint (`datalint plugin-worker`).
    let pluginWorkerCommand: [String]

    /// Where plugins' log lines go (the client's log window).
    let pluginLog: @Sendable (String) -> Void

    init(encoding: PositionEncoding, documentationBase: String?, clientSettings: ClientSettings,
         pluginWorkerCommand: [String] = ["/proc/self/exe", "plugin-worker"], pluginLog: @escaping @Sendable (String) -> Void = { _ in },
         onPluginsReady: @escaping @Sendable () -> Void = {}) {
        self.pluginWorkerCommand = pluginWorkerCommand
        self.onPluginsReady = onPluginsReady
        self.pluginLog = pluginLog
        self.encoding = encoding
        self.documentationBase = documentationBase
        self.clientSettings = clientSettings
    }

    var openDocuments: [String] { documents.keys.sorted() }

    func version(of uri: String) -> Int? { documents[uri]?.version }

    func byteCount(of uri: String) -> Int? { documents[uri]?.lines.byteCount }

    /// The tokenizer of hovers: cl100k_base when its rank file is installed (loaded once), else nil (estimates).
    func hoverTokenizer() -> BPETokenizer? { counters(for: .cl100kBase).tokenizer }

    /// The token counters of `configuration`'s `[length] encoding`.
    func tokenCounters(for configuration: DatalintConfiguration) -> TokenCounters {
        counters(for: BPEEncoding.named(configuration.length.encoding) ?? .cl100kBase)
    }

    /// Every line's token counts, when the `length` stage keeps them current for the document in `encoding`.
    func currentLengths(of uri: String, encoding: BPEEncoding) -> [LengthFacts?]? {
        guard let document = documents[uri], !document.needsAnalysis,
              analyzer(for: uri).plan.lengthStage?.options.encoding == encoding else { return nil }
        return document.lengths.currentFacts
    }

    /// The plugin stages for a dataset: the editor's, and its datalint.toml's when the workspace is trusted; in worker
    /// processes unless a trusted datalint.toml says otherwise. A plugin that cannot start is logged and left out.
    private func plugins(for settings: PluginSettings) -> [PluginStage] {
        let limits = IsolationLimits(timeout: clientSettings.pluginTimeout ?? settings.timeoutSeconds,
                                     memoryBytes: settings.memoryLimitMB << 20, restarts: settings.restarts)
        let user = UserPlugins.load { pluginProblems.append($0) } ?? PluginSettings()
        var requests = (user.paths + clientSettings.plugins).map {
            PluginRequest(path: $0, configurations: user.configuration.merging(settings.configuration) { mine, _ in mine },
                          isolation: .process, limits: limits)
        }
        if clientSettings.trustWorkspace {
            requests += settings.paths.map {
                PluginRequest(path: $0, configurations: settings.configuration,
                              isolation: PluginIsolation(rawValue: settings.isolation) ?? .process, limits: limits)
            }
        } else if !settings.paths.isEmpty, !pluginProblems.contains(where: { $0.hasPrefix("datalint.toml names") }) {
            pluginProblems.append("datalint.toml names plugins in [plugins]; they are not loaded unless the setting "
                                  + "datalint.trustWorkspace is true (loading a plugin runs its code)")
        }
        var seen: Set<String> = []
        requests = requests.filter { seen.insert($0.path).inserted }
        guard !requests.isEmpty else { return [] }
        if let started = startedPlugins[requests] { return started }
        if startingPlugins.insert(requests).inserted {
            startInBackground(requests, configured: Set(settings.configuration.keys).union(user.configuration.keys))
        }
        return []
    }

    /// Starts plugins on a thread of its own: a plugin slow to load or create (up to its time limit, twice) must not
    /// hold up the workspace and every request with it. Documents are checked without them meanwhile; once they run,
    /// the plans are made again and the plugins' work is scheduled (`onPluginsReady`).
    private func startInBackground(_ requests: [PluginRequest], configured: Set<String>) {
        let command = pluginWorkerCommand, log = pluginLog
        Task {
            let (stages, problems) = await withCheckedContinuation { (continuation: CheckedContinuation<([PluginStage], [String]), Never>) in
                let thread = Thread {
                    var stages: [PluginStage] = [], problems: [String] = []
                    for request in requests {
                        do throws(PluginStartError) {
                            let reserved = BuiltInStages.names + ["plugin"] + stages.map(\.name)
                            stages += try PluginSet.start([request], reservedNames: reserved, workerCommand: command, log: log)
                        } catch {
                            problems.append(error.description)
                        }
                    }
                    continuation.resume(returning: (stages, problems + PluginSet.unusedConfigurations(configured, stages: stages)))
                }
                thread.name = "datalint-plugin-start"
                thread.start()
            }
            self.adoptStartedPlugins(requests, stages: stages, problems: problems)
        }
    }

    private func adoptStartedPlugins(_ requests: [PluginRequest], stages: [PluginStage], problems: [String]) {
        startedPlugins[requests] = stages
        startingPlugins.remove(requests)
        pluginProblems += problems
        if !stages.isEmpty { analyzers.removeAll() }
        onPluginsReady()
    }

    private func counters(for encoding: BPEEncoding) -> TokenCounters {
        if let existing = tokenCounters[encoding.name] { return existing }
        let counters = TokenCounters(encoding: encoding)
        tokenCounters[encoding.name] = counters
        return counters
    }

    func isOpen(path: String) -> Bool { documents.keys.contains { DocumentURI.path(of: $0) == path } }

    // MARK: Document lifecycle

    /// Opens a document; its analysis happens in `analyze(_:)`.
    func open(uri: String, version: Int, lines: DocumentLines) {
        var document = AnalyzedDocument(uri: uri, version: version, lines: lines)
        document.generation = nextGeneration()
        documents[uri] = document
    }

    /// Applies changes in order. Returns a warning for each change whose range lay outside the document.
    func change(uri: String, version: Int, changes: [TextDocumentContentChangeEvent]) -> [String] {
        guard var document = documents.removeValue(forKey: uri) else {
            return ["didChange for \(uri), which is not open; ignored"]
        }
        var warnings: [String] = []
        for change in changes {
            let range = change.range.map { (ClientPosition(line: $0.start.line, character: $0.start.character),
                                            ClientPosition(line: $0.end.line, character: $0.end.character)) }
            if range.map({ $0.0.line < 0 || $0.0.character < 0 || $0.1.line < 0 || $0.1.character < 0 }) == true {
                warnings.append("didChange for \(uri) has a negative position; change ignored")
                continue
            }
            if document.apply(range: range, text: Array(change.text.utf8), encoding: encoding) {
                warnings.append("didChange for \(uri) version \(version) has a range outside the document; clamped to it")
            }
        }
        document.setVersion(version)
        document.generation = nextGeneration()
        documents[uri] = document
        return warnings
    }

    func close(uri: String) {
        documents[uri] = nil
    }

    /// Brings a document's analysis up to date: the lines an edit touched alone, or — for a new document — every
    /// line, in parallel, without holding the workspace while it runs. A parallel result is adopted only if the
    /// document is still the one it was computed for (same generation: not changed, reopened or reconfigured).
    func analyze(_ uri: String) async {
        while let document = documents[uri], document.dirtyLineCount > Self.parallelThreshold {
            let generation = document.generation
            let analyzer = analyzer(for: uri)
            let computed = await ParallelAnalysis.run(document.lines, with: analyzer)
            guard var current = documents[uri], current.generation == generation else { continue }
            current.adopt(computed, with: analyzer)
            documents[uri] = current
        }
        guard var current = documents.removeValue(forKey: uri) else { return }
        let analyzer = analyzer(for: uri)
        current.analyzeDirtyLines(with: analyzer)
        current.computePendingDeferredLines(plan: analyzer.plan)
        documents[uri] = current
    }

    // MARK: Duplicates

    /// The `dedup` stage datasets under `directory` are checked with (nil when it is switched off there).
    func duplicateStage(forFilesUnder directory: String) -> DuplicateStage? {
        let fileSettings = configurations.configuration(forDatasetAt: directory + "/any.jsonl")
        return CheckPlan(configuration: clientSettings.apply(to: fileSettings ?? .default), overrides: CheckOverrides()).duplicateStage
    }

    func duplicateThreshold(for uri: String) -> Double? {
        let plan = analyzer(for: uri).plan
        return plan.duplicateStage == nil ? nil : plan.duplicateThreshold
    }

    func indexSync(for uri: String) -> IndexSync? { documents[uri]?.duplicates.indexSync }

    func markIndexed(_ uri: String, _ sync: IndexSync) { documents[uri]?.duplicates.markIndexed(sync) }

    /// The line structure the index holds the document with, when it holds its current lines.
    func indexedStructure(of uri: String) -> Int? {
        guard let duplicates = documents[uri]?.duplicates,
              duplicates.indexedStructureVersion == duplicates.structureVersion else { return nil }
        return duplicates.structureVersion
    }

    /// Turns what the index found for a document's lines into diagnostics: per line the strongest match, as
    /// leakage when exactly one of the two files is evaluation data.
    func adoptCrossFile(_ raw: [IndexedCrossFileMatch], for uri: String, structureVersion: Int,
                        relativePath: @Sendable (String) -> String) {
        guard var document = documents[uri], let path = DocumentURI.path(of: uri) else { return }
        let plan = analyzer(for: uri).plan
        let facts = document.duplicates.facts
        // Evaluation patterns are relative to the datalint.toml that sets them, as in the terminal; without one, to
        // the workspace folder.
        let configurationDirectory = ConfigurationDiscovery.nearestConfiguration(forDatasetAt: path)
            .map { ($0 as NSString).deletingLastPathComponent }
        func patternPath(_ file: String) -> String {
            if let base = configurationDirectory, file.hasPrefix(base + "/") { return String(file.dropFirst(base.count + 1)) }
            return relativePath(file)
        }
        let isEvaluation = plan.evaluationFiles.contains(patternPath(path))
        var best: [Int: (match: CrossFileMatch, rank: Double)] = [:]
        for found in raw where found.other.file != path && facts.indices.contains(found.line) {
            guard let mine = facts[found.line] else { continue }
            let otherName = relativePath(found.other.file)
            let match = CrossFileMatch(
                record: .init(line: found.line, utf8Length: mine.utf8Length, utf16Length: mine.utf16Length),
                otherFile: found.other.file, otherName: otherName,
                other: .init(line: found.other.line, utf8Length: found.otherUTF8Length, utf16Length: found.otherUTF16Length),
                otherIsEvaluation: plan.evaluationFiles.contains(patternPath(found.other.file)), kind: found.kind)
            guard let rank = match.rank(inEvaluationFile: isEvaluation) else { continue }
            if let current = best[found.line], current.rank >= rank { continue }
            best[found.line] = (match, rank)
        }
        var admitted: [Diagnostics.Diagnostic] = []
        for (match, _) in best.values {
            guard var diagnostic = CrossFileReport.diagnostic(for: match, inEvaluationFile: isEvaluation),
                  plan.policy.admit(&diagnostic) else { continue }
            admitted.append(diagnostic)
        }
        admitted.sort { $0.range.start < $1.range.start }
        document.duplicates.adoptCrossFile(DocumentDuplicates.capped(admitted), structureVersion: structureVersion)
        documents[uri] = document
    }

    /// What is left to do in `lane` to bring the document's duplicates and lengths, or its plugins' findings, up to
    /// date, or nil.
    func deferredWork(for uri: String, lane: DeferredLane) -> DeferredWork? {
        guard let document = documents[uri], !document.needsAnalysis else { return nil }
        let plan = analyzer(for: uri).plan
        switch lane {
        case .builtIn:
            return document.duplicates.work(lines: document.lines, plan: plan) ?? document.lengths.work(lines: document.lines, plan: plan)
        case .plugins:
            return document.plugins.work(lines: document.lines, plan: plan)
        }
    }

    /// Takes the result of background duplicate work if the document it was done for is still open and unchanged
    /// in the way that matters; returns whether the document's duplicate diagnostics are now current.
    func adopt(_ outcome: DeferredAnalysis.Outcome, for uri: String) {
        guard var document = documents[uri] else { return }
        switch outcome {
        case .duplicateFacts(let facts, let identity, let structureVersion):
            guard identity == document.duplicates.identity else { return }
            _ = document.duplicates.adopt(facts, structureVersion: structureVersion)
        case .lengthFacts(let facts, let identity, let structureVersion):
            guard identity == document.lengths.identity else { return }
            _ = document.lengths.adopt(facts, structureVersion: structureVersion)
        case .pluginFindings(let found, let only, let identity, let structureVersion, let factsVersion):
            guard document.plugins.owns(identity) else { return }
            document.plugins.adopt(found, only: only, identity: identity, structureVersion: structureVersion, factsVersion: factsVersion)
        case .diagnostics(let found, let identity, let factsVersion):
            if identity == document.duplicates.identity { document.duplicates.adopt(found, factsVersion: factsVersion) }
            if identity == document.lengths.identity { document.lengths.adopt(found, factsVersion: factsVersion) }
        }
        document.computePendingDeferredLines(plan: analyzer(for: uri).plan)
        documents[uri] = document
    }

    private static let parallelThreshold = 2_000

    /// A number no document had before: every text or settings change gets one.
    private func nextGeneration() -> Int {
        generationCounter += 1
        return generationCounter
    }

    // MARK: Reading results

    /// The document's diagnostics in LSP form, for the version they belong to.
    func diagnostics(for uri: String) -> (version: Int, items: [LanguageServerProtocol.Diagnostic])? {
        guard let document = documents[uri], !document.needsAnalysis else { return nil }
        let conversion = conversion(for: uri)
        return (document.version, document.diagnostics.map(conversion.diagnostic))
    }

    /// The publishDiagnostics notification for the document's current version, already encoded.
    func publication(for uri: String, versioned: Bool) -> (version: Int, body: [UInt8])? {
        guard let document = documents[uri], !document.needsAnalysis else { return nil }
        let writer = PublishDiagnosticsWriter(conversion: conversion(for: uri))
        return (document.version, writer.body(version: versioned ? document.version : nil, diagnostics: document.diagnostics))
    }

    func snapshot(of uri: String) -> AnalyzedDocument? { documents[uri] }

    func conversion(for uri: String) -> ProtocolConversion {
        ProtocolConversion(encoding: encoding, uri: uri, documentationBase: documentationBase)
    }

    var positionEncoding: PositionEncoding { encoding }

    // MARK: Configuration

    /// New settings from the client: every document is re-checked with them.
    func update(settings: ClientSettings) {
        clientSettings = settings
        reloadConfiguration()
    }

    /// Forgets cached datalint.toml files (one changed on disk) and analyses that depended on them.
    func reloadConfiguration() {
        configurations = ConfigurationCache()
        analyzers.removeAll()
        for uri in documents.keys {
            if let document = documents[uri] {
                var reset = AnalyzedDocument(uri: uri, version: document.version, lines: document.lines)
                reset.generation = nextGeneration()
                documents[uri] = reset
            }
        }
    }

    /// Problems found in configuration files, for the log.
    func takeConfigurationProblems() -> [String] {
        defer { pluginProblems.removeAll() }
        return configurations.takeProblems() + pluginProblems
    }

    func analyzer(for uri: String) -> RecordAnalyzer {
        if let cached = analyzers[uri] { return cached }
        let fileSettings = DocumentURI.path(of: uri).flatMap { configurations.configuration(forDatasetAt: $0) }
        let configuration = clientSettings.apply(to: fileSettings ?? .default)
        let encoding = BPEEncoding.named(configuration.length.encoding) ?? .cl100kBase
        let plan = CheckPlan(configuration: configuration, overrides: CheckOverrides(), tokenCounters: counters(for: encoding),
                             plugins: plugins(for: configuration.plugins))
        let analyzer = RecordAnalyzer(plan: plan)
        analyzers[uri] = analyzer
        return analyzer
    }
}

/// datalint.toml files read so far, by path, and the problems found in them.
struct ConfigurationCache: Sendable {
    private var loaded: [String: DatalintConfiguration] = [:]
    private var problems: [String] = []

    mutating func configuration(forDatasetAt path: String) -> DatalintConfiguration? {
        guard let file = ConfigurationDiscovery.nearestConfiguration(forDatasetAt: path) else { return nil }
        if let cached = loaded[file] { return cached }
        let loader = ConfigurationLoader(schema: .standard(stageNames: BuiltInStages.names, catalog: BuiltInStages.catalog))
        do {
            let settings = try loader.load(path: file).settings
            loaded[file] = settings
            return settings
        } catch {
            problems.append(contentsOf: error.problems.map(\.description))
            loaded[file] = .default
            return nil
        }
    }

    mutating func takeProblems() -> [String] {
        defer { problems = [] }
        return problems
    }
}
