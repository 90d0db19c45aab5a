import ArgumentParser
import PluginHost
import Checker
import Configuration
import DatasetText
import Foundation
import Reporting

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report problems in JSONL datasets, like a compiler.",
        discussion: """
            Each finding has a stable code (such as format/unknown-role), a severity and an exact position. \
            Directories are searched for .jsonl and .jsonl.gz files; '-' (or no FILE with piped input) reads \
            standard input. Settings come from the nearest datalint.toml above each file.

            Exit status: 0 when nothing reached --fail-on, 1 when something did, 2 when an input or the \
            configuration could not be read or the arguments are wrong.
            """)

    @Argument(help: ArgumentHelp("Datasets to check: files, directories, or '-' for standard input.",
                                 valueName: "FILE"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Output format: human (compiler-like), json (one object per line) or sarif (SARIF 2.1.0).",
                               valueName: "format"))
    var format: String = "human"

    @Option(help: ArgumentHelp("Unit of columns in human and json output: utf8 (bytes) or utf16 (as LSP clients count).",
                               valueName: "unit"))
    var columns: String = "utf8"

    @Option(parsing: .singleValue,
            help: ArgumentHelp("Report only these codes or families (comma-separated, repeatable; replaces the configuration's select).",
                               valueName: "code"))
    var select: [String] = []

    @Option(parsing: .singleValue,
            help: ArgumentHelp("Do not report these codes or families (comma-separated, repeatable).",
                               valueName: "code"))
    var ignore: [String] = []

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Least severity that makes the exit status 1: error, warning, info or never.",
                               valueName: "severity"))
    var failOn: String?

    @Option(name: .shortAndLong, help: "Records are checked on this many threads (default: every core).")
    var jobs: Int?

    @Option(name: .customLong("config"),
            help: ArgumentHelp("Use this configuration file instead of the nearest datalint.toml.", valueName: "path"))
    var configurationPath: String?

    @Option(name: .customLong("waivers"),
            help: ArgumentHelp("Use this waiver file instead of the configured one.", valueName: "path"))
    var waiverPath: String?

    @Flag(name: .customLong("add-waivers"),
          help: "Waive every diagnostic found: write a waiver for each to the waiver file, keyed by its record's content hash.")
    var addWaivers = false

    @Flag(help: "Apply every safe fix (rename a misspelt role, delete an empty line, …) to the files, rewriting each atomically, then report what is left.")
    var fix = false

    @Option(help: ArgumentHelp("Colours in human output: auto (on a terminal, unless NO_COLOR is set), always or never.",
                               valueName: "when"))
    var color: String = "auto"

    @Flag(name: .customLong("no-progress"), help: "Never draw the progress bar on standard error.")
    var noProgress = false

    @Flag(name: .shortAndLong, help: "Do not print the summary line.")
    var quiet = false

    @Option(name: .customLong("plugin"), parsing: .singleValue,
            help: ArgumentHelp("Run the stage plugin in this shared library too (repeatable).", valueName: "path"))
    var plugins: [String] = []

    @Option(name: .customLong("plugin-isolation"),
            help: ArgumentHelp("process (each plugin in a worker process: crashes and hangs are contained) or none (in this process: fastest, for trusted plugins).",
                               valueName: "mode"))
    var pluginIsolation: String?

    @Option(name: .customLong("plugin-timeout"),
            help: ArgumentHelp("Seconds an isolated plugin may take over one batch of records before it is stopped (default: [plugins] timeout_seconds, else 30).",
                               valueName: "seconds"))
    var pluginTimeout: Double?

    @Option(name: .customLong("plugin-configuration"), parsing: .singleValue,
            help: ArgumentHelp("A plugin stage's configuration as NAME=JSON (repeatable; over datalint.toml's [plugin-configuration]).",
                               valueName: "name=json"))
    var pluginConfigurations: [String] = []

    @Flag(help: "Trust the datasets' datalint.toml: load the plugins its [plugins] section names (this runs their code).")
    var trust = false

    func validate() throws {
        guard ReportFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)'; use human, json or sarif")
        }
        guard PositionEncoding(columnsArgument: columns) != nil else {
            throw ValidationError("unknown column unit '\(columns)'; use utf8 or utf16")
        }
        if let failOn, FailThreshold(rawValue: failOn) == nil {
            throw ValidationError("unknown severity '\(failOn)' for --fail-on; use error, warning, info or never")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let pluginTimeout, !(pluginTimeout > 0) { throw ValidationError("--plugin-timeout must be more than 0 seconds") }
        _ = try PluginConfigurationArgument.parse(pluginConfigurations)
        guard ["auto", "always", "never"].contains(color) else {
            throw ValidationError("unknown value '\(color)' for --color; use auto, always or never")
        }
        if let pluginIsolation, PluginIsolation(rawValue: pluginIsolation) == nil {
            throw ValidationError("unknown --plugin-isolation '\(pluginIsolation)'; use process or none")
        }
        // Plugins' codes are known once they are loaded; selectors of other families are then taken on trust.
        let pluginsMayReport = !plugins.isEmpty || trust
        for selector in splitSelectors(select) + splitSelectors(ignore)
        where !BuiltInStages.catalog.isKnownSelector(selector) && !pluginsMayReport {
            let known = Set(BuiltInStages.catalog.allCodes.map(\.family)).sorted().joined(separator: ", ")
            throw ValidationError("'\(selector)' names no diagnostic code (families: \(known); codes are listed in docs/)")
        }
        if files.isEmpty && isatty(STDIN_FILENO) == 1 {
            throw ValidationError("name the datasets to check, or pipe one into standard input")
        }
    }

    func run() async throws {
        let reportFormat = ReportFormat(rawValue: format) ?? .human
        let errorIsTerminal = isatty(STDERR_FILENO) == 1
        let settings = CheckSettings(
            format: reportFormat,
            columns: PositionEncoding(columnsArgument: columns) ?? .utf8,
            overrides: CheckOverrides(select: splitSelectors(select), ignore: splitSelectors(ignore),
                                      failOn: failOn.flatMap(FailThreshold.init)),
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            configurationPath: configurationPath,
            waiverPath: waiverPath,
            addWaivers: addWaivers,
            fix: fix,
            useColor: color == "always" || (color == "auto" && Terminal.wantsColor(descriptor: STDOUT_FILENO)),
            showProgress: !noProgress && errorIsTerminal,
            showSummary: !quiet,
            plugins: plugins,
            pluginIsolation: pluginIsolation.flatMap(PluginIsolation.init),
            pluginTimeout: pluginTimeout,
            pluginConfigurations: try PluginConfigurationArgument.parse(pluginConfigurations),
            trustWorkspace: trust)
        var run = CheckRun(settings: settings)
        let status = await run.run(InputPaths.expand(files.isEmpty ? ["-"] : files))
        if status != 0 { throw ExitCode(status) }
    }

    private func splitSelectors(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
