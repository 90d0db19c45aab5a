import Checker
import Configuration
import PluginHost
import DatasetIO
import DatasetText
import Diagnostics
import DuplicateStage
import Foundation
import Reporting
import Waivers

/// Everything `datalint check` was asked to do, once the arguments are parsed.
struct CheckSettings {
    var format: ReportFormat
    var columns: PositionEncoding
    var overrides: CheckOverrides
    var jobs: Int
    var configurationPath: String?
    var waiverPath: String?
    var addWaivers: Bool
    var fix: Bool
    var useColor: Bool
    var showProgress: Bool
    var showSummary: Bool
    /// Plugins named on the command line (always loaded), how to isolate plugins (nil: each configuration's
    /// choice, else process), and whether the datasets' datalint.toml may load plugins.
    var plugins: [String] = []
    var pluginIsolation: PluginIsolation?
    var pluginTimeout: Double?
    /// `--plugin-configuration NAME=JSON`, over the configuration file's `[plugin-configuration]`.
    var pluginConfigurations: [String: String] = [:]
    var trustWorkspace = false
}

/// One `datalint check` run: reads each dataset with its configuration, reports what the stages find in file
/// order, applies waivers and decides the exit status.
struct CheckRun {
    let settings: CheckSettings
    private var output = StandardStream.output()
    private var errors = StandardStream.error()
    private var reporter: Reporter
    private var summary = CheckSummary()
    private var failing = false
    private var hadInputError = false
    private var waivers = WaiverBook()
    private let progress: ProgressBar
    private var configurations: [String: LoadedConfiguration?] = [:]
    /// Plugin stages by configuration file ("" for none), and configurations whose untrusted plugins were noted.
    var startedPlugins: [String: [PluginStage]] = [:]
    var warnedUntrustedPlugins: Set<String> = []
    private var reportedConfigurationProblems: Set<String> = []
    /// What each checked file's `dedup` stage saw, compared across files once every file is read.
    private var crossFile = CrossFileDuplicatesRun()

    init(settings: CheckSettings) {
        self.settings = settings
        let tool = ToolDescription(version: Datalint.version, informationURI: nil)
        reporter = Reporter(format: settings.format,
                            options: ReportOptions(columns: settings.columns, useColor: settings.useColor, tool: tool,
                                                   catalog: BuiltInStages.catalog))
        progress = ProgressBar(isEnabled: settings.showProgress)
    }

    /// Checks every input and returns the exit status: 0 clean, 1 findings at or above the fail threshold,
    /// 2 when an input or a configuration could not be read.
    mutating func run(_ inputs: [InputPaths.Entry]) async -> Int32 {
        for input in inputs {
            switch input {
            case .dataset(let path): await check(path)
            case .emptyDirectory(let path):
                reportInputError("\(path): no dataset files (\(InputPaths.datasetSuffixes.joined(separator: ", "))) in this directory")
            }
        }
        for (found, failOn) in crossFile.diagnostics() { reportWaivable(found, failOn: failOn) }
        for stale in waivers.staleDiagnostics(comparedFiles: crossFile.fileCount) { report(stale, failOn: .error) }
        finishWaivers()
        progress.clear()
        let nothingWasRead = hadInputError && summary.files == 0
        let skipsHumanSummary = reporter.format == .human && (nothingWasRead || !settings.showSummary)
        if skipsHumanSummary {
            output.flush()
        } else {
            reporter.finish(summary: summary, to: &output)
            output.flush()
        }
        if settings.showSummary && !reporter.format.includesSummary && !nothingWasRead {
            errors.write(SummaryFormatter.line(for: summary) + "\n")
        }
        errors.flush()
        if hadInputError { return 2 }
        return failing ? 1 : 0
    }

    private mutating func check(_ path: String) async {
        guard let plan = plan(for: path) else { return }
        let displayName = path == "-" ? "<stdin>" : path
        var waiverDataset: WaiverBook.Dataset?
        if path != "-" {
            let waiverPath = waiverPath(for: path)
            for problem in waivers.open(waiverPath, plan: plan) { report(problem, failOn: .error) }
            waiverDataset = waivers.register(dataset: path, in: waiverPath)
        }
        crossFile.setWaiverDataset(waiverDataset, of: displayName)
        if settings.fix { await applyFixes(to: path, plan: plan, waiverDataset: waiverDataset) }
        let reader: DatasetReader
        do {
            reader = try DatasetReader(path: path)
        } catch {
            return reportInputError(error.description)
        }
        defer { reader.close() }
        var source = ObservedDatasetReader(reader: reader, totalBytes: Self.fileSize(path)) { [progress] read, total in
            progress.update(file: displayName, bytesRead: read, totalBytes: total)
        }
        let checker = Checker(stages: plan.stages, policy: plan.policy, jobs: settings.jobs, maxDepth: plan.maxDepth)
        do {
            let (records, aggregates) = try await checker.checkKeepingAggregates(&source, file: displayName) { found in
                reportWaivable(found, failOn: plan.failOn)
            }
            summary.records += records
            summary.files += 1
            if let duplicates = aggregates.lazy.compactMap({ $0 as? DuplicateAggregate }).first {
                let relative = InputPaths.relative(path, to: configurationDirectory(for: path))
                crossFile.add(duplicates.snapshot(file: displayName, isEvaluation: plan.evaluationFiles.contains(relative)),
                              path: path, plan: plan)
            }
        } catch let error as DatasetIOError {
            reportInputError(error.description)
        } catch {
            reportInputError("\(displayName): \(error)")
        }
    }

    /// `--fix`: applies the preferred fix of every diagnostic (not waived) and rewrites the file atomically, before
    /// the reporting pass shows what is left.
    private mutating func applyFixes(to path: String, plan: CheckPlan, waiverDataset: WaiverBook.Dataset?) async {
        guard path != "-" else { return reportInputError("--fix edits files in place; it cannot fix standard input") }
        var reader: DatasetReader
        do {
            reader = try DatasetReader(path: path)
        } catch {
            return
        }
        defer { reader.close() }
        guard !reader.isCompressed else {
            return reportInputError("\(path): --fix does not rewrite gzip-compressed files; decompress it first")
        }
        let checker = Checker(stages: plan.stages, policy: plan.policy, jobs: settings.jobs, maxDepth: plan.maxDepth)
        var fixes: [Fix] = []
        do {
            _ = try await checker.check(&reader, file: path) { found in
                if let waiverDataset, let hash = found.recordHash,
                   waivers.isWaived(found, dataset: waiverDataset, record: RecordHash(hash)) { return }
                if let fix = found.diagnostic.preferredFix { fixes.append(fix) }
            }
        } catch {
            return  // the reporting pass says what is wrong with the file
        }
        guard !fixes.isEmpty else { return }
        do {
            let original = try DatasetFile.read(path)
            let outcome = FixApplier.apply(fixes, to: original)
            try AtomicFileWriter.replaceContents(of: path, with: outcome.bytes)
            errors.write("datalint: fixed \(outcome.applied) problem\(outcome.applied == 1 ? "" : "s") in \(path)"
                + (outcome.skipped > 0 ? " (\(outcome.skipped) overlapping fixes left for another run)" : "") + "\n")
        } catch {
            reportInputError("\(error)")
        }
    }

    /// Reports a diagnostic unless a waiver covers it (or `--add-waivers` adds one for it).
    private mutating func reportWaivable(_ found: FileDiagnostic, failOn: FailThreshold) {
        if let dataset = crossFile.waiverDataset(of: found.file) ?? nil, let hash = found.recordHash,
           waivers.absorb(found, dataset: dataset, record: RecordHash(hash), adding: settings.addWaivers) {
            summary.waived += 1
            return
        }
        report(found, failOn: failOn)
    }

    private mutating func report(_ diagnostic: FileDiagnostic, failOn: FailThreshold) {
        summary.count(diagnostic.diagnostic.severity)
        if failOn.fails(on: diagnostic.diagnostic.severity) { failing = true }
        if output.isTerminal { progress.clear() }
        reporter.write(diagnostic, to: &output)
        if output.isTerminal { output.flush() }
    }

    mutating func reportPluginError(_ message: String) { reportInputError(message) }

    mutating func reportNote(_ message: String) {
        progress.clear()
        output.flush()
        errors.write("datalint: note: \(message)\n")
        errors.flush()
    }

    private mutating func reportInputError(_ message: String) {
        hadInputError = true
        progress.clear()
        output.flush()
        errors.write("datalint: error: \(message)\n")
        errors.flush()
    }

    // MARK: Configuration and waivers

    /// The plan for a dataset from its nearest datalint.toml (or `--config`), or nil after reporting a bad file.
    private mutating func plan(for path: String) -> CheckPlan? {
        switch configuration(for: path) {
        case .success(let loaded):
            guard let plugins = pluginStages(for: loaded) else { return nil }
            return CheckPlan(configuration: loaded?.settings ?? .default, overrides: settings.overrides,
                             datasetPath: path == "-" ? nil : path, plugins: plugins)
        case .failure(let error):
            // Each file under a broken configuration fails, but its problems are said once.
            let key = error.problems.map(\.description).joined(separator: "\n")
            if reportedConfigurationProblems.insert(key).inserted {
                for problem in error.problems { reportInputError(problem.description) }
            } else {
                hadInputError = true
            }
            return nil
        }
    }

    private mutating func configuration(for path: String) -> Result<LoadedConfiguration?, ConfigurationError> {
        let configurationPath = settings.configurationPath
            ?? ConfigurationDiscovery.nearestConfiguration(from: path == "-" ? "." : Self.directory(of: path))
        guard let configurationPath else { return .success(nil) }
        if let cached = configurations[configurationPath] { return .success(cached) }
        let loader = ConfigurationLoader(schema: .standard(stageNames: BuiltInStages.names,
                                                           catalog: BuiltInStages.catalog))
        do {
            let loaded = try loader.load(path: configurationPath)
            configurations[configurationPath] = loaded
            return .success(loaded)
        } catch {
            return .failure(error)
        }
    }

    /// Where evaluation-file patterns are relative to: the configuration file's directory, or the current one.
    private mutating func configurationDirectory(for path: String) -> String {
        if let explicit = settings.configurationPath { return Self.directory(of: explicit) }
        let discovered = ConfigurationDiscovery.nearestConfiguration(from: path == "-" ? "." : Self.directory(of: path))
        return discovered.map(Self.directory(of:)) ?? "."
    }

    private mutating func waiverPath(for path: String) -> String {
        if let explicit = settings.waiverPath { return explicit }
        if case .success(let loaded?) = configuration(for: path) { return loaded.settings.waiverFile }
        return DatalintConfiguration.defaultWaiverFileName
    }

    private mutating func finishWaivers() {
        guard settings.addWaivers else { return }
        for result in waivers.writeAdditions() {
            switch result {
            case .success(let (path, count)) where count > 0:
                errors.write("datalint: added \(count) waiver\(count == 1 ? "" : "s") to \(path)\n")
            case .success: break
            case .failure(let error): reportInputError(error.description)
            }
        }
    }

    private static func directory(of path: String) -> String {
        (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
    }

    private static func fileSize(_ path: String) -> Int? {
        guard path != "-", let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, !path.hasSuffix(".gz") else { return nil }
        return size
    }
}
