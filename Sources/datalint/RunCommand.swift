import ArgumentParser
import Foundation
import PluginHost

/// `datalint run`: streams datasets through transform stages and writes what comes out.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Stream JSONL records through a pipeline of transform stages (stage plugins) to a file or standard output.",
        discussion: """
            Each record goes through the --plugin stages in the order given: a stage may rewrite it (the next stage \
            sees the rewritten record) or drop it; what comes out of the last stage is written, one record per line. \
            Stages' findings go to standard error. A record a plugin fails on (a crash, a timeout, invalid JSON out) \
            is written unchanged and the failure reported, so nothing is lost; the exit status is then 1. Output \
            files appear complete or not at all (written to a temporary file, renamed at the end); inputs are never \
            modified. Blank lines are not written.
            """)

    @Argument(help: ArgumentHelp("JSONL files (.gz too), or - for standard input.", valueName: "FILE"))
    var files: [String] = ["-"]

    @Option(name: .customLong("plugin"), parsing: .singleValue,
            help: ArgumentHelp("A stage plugin, in pipeline order (repeatable).", valueName: "path"))
    var plugins: [String] = []

    @Option(name: .customLong("plugin-configuration"), parsing: .singleValue,
            help: ArgumentHelp("A stage's configuration as NAME=JSON (repeatable; over the nearest datalint.toml's [plugin-configuration]).",
                               valueName: "name=json"))
    var configurations: [String] = []

    @Option(name: .customLong("plugin-timeout"),
            help: ArgumentHelp("Seconds an isolated plugin may take over one batch (default: [plugins] timeout_seconds, else 30).",
                               valueName: "seconds"))
    var timeout: Double?

    @Option(name: .customLong("plugin-isolation"), help: ArgumentHelp("process or none.", valueName: "mode"))
    var isolation: String = PluginIsolation.process.rawValue

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(name: .shortAndLong, help: "Do not print findings and the summary on standard error.")
    var quiet = false

    func validate() throws {
        guard !plugins.isEmpty else { throw ValidationError("name at least one stage with --plugin") }
        guard PluginIsolation(rawValue: isolation) != nil else {
            throw ValidationError("unknown --plugin-isolation '\(isolation)'; use process or none")
        }
        _ = try PluginConfigurationArgument.parse(configurations)
        if let timeout, !(timeout > 0) { throw ValidationError("--plugin-timeout must be more than 0 seconds") }
        if let output, files.contains(where: { $0 != "-" && URL(fileURLWithPath: $0).standardized == URL(fileURLWithPath: output).standardized }) {
            throw ValidationError("--output \(output) is also an input; inputs are never modified")
        }
    }

    func run() async throws {
        var pipeline = PipelineRun(quiet: quiet)
        let status = await pipeline.run(files: files, plugins: plugins, configurations: try PluginConfigurationArgument.parse(configurations),
                                        isolation: PluginIsolation(rawValue: isolation) ?? .process, timeout: timeout, output: output)
        if status != 0 { throw ExitCode(status) }
    }
}
