import ArgumentParser
import Foundation
import PluginHost

/// `datalint plugin`: tools for stage plugins.
struct PluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "Inspect and validate stage plugins (protocol/datalint_stage.h).",
        subcommands: [PluginCheckCommand.self])
}

/// `datalint plugin check PATH`: what a plugin author runs before shipping.
struct PluginCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a stage plugin: load it, check its descriptor, run it on sample records, check what it reports.",
        discussion: """
            The plugin runs in a worker process, so a crash or hang is reported instead of ending this command. \
            Sample records cover every schema datalint knows, plus empty, escaped and non-ASCII text; with --records, \
            your own JSONL file is used instead. Every diagnostic must point inside its record, every rewritten \
            record must be a JSON object, and repeated runs must not keep growing the worker's memory. Exit status 0 \
            when every check passes, 1 otherwise, 2 when the plugin cannot be loaded.
            """)

    @Argument(help: "The plugin's shared library.")
    var path: String

    @Option(help: ArgumentHelp("The plugin's configuration, a JSON object.", valueName: "json"))
    var configuration: String = "{}"

    @Option(help: ArgumentHelp("Sample records to use instead of the built-in ones (JSONL).", valueName: "file"))
    var records: String?

    @Option(help: "How many times the samples are run to watch the worker's memory.")
    var rounds: Int = 500

    func run() async throws {
        var report = PluginCheckReport()
        let samples: [String]
        do {
            samples = try records.map { try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\n").map(String.init) }
                ?? PluginSamples.records
        } catch {
            throw ValidationError("cannot read --records: \(error.localizedDescription)")
        }
        let status = report.check(path: path, configuration: configuration, samples: samples, rounds: rounds,
                                  workerCommand: PluginWorkerCommand.command)
        var output = StandardStream.output()
        output.write(report.text)
        output.flush()
        if status != 0 { throw ExitCode(status) }
    }
}
