import ArgumentParser
import PluginHost

/// `datalint plugin-worker`: the child process an isolated plugin runs in. Not for people: datalint starts it, with
/// its standard input and output on pipes (protocol/README.md, "Process isolation").
struct PluginWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin-worker",
        abstract: "Run one stage plugin for a datalint process over standard input and output (internal).",
        shouldDisplay: false)

    @Option(help: "Address-space limit of this process, in bytes.")
    var memoryLimit: Int?

    @Argument(help: "The plugin's shared library.")
    var path: String

    func run() throws {
        let status = PluginWorker.run(path: path, memoryLimit: memoryLimit)
        if status != 0 { throw ExitCode(status) }
    }

    /// How this datalint starts a worker: its own executable, whatever name it was started by.
    static var command: [String] { ["/proc/self/exe", "plugin-worker"] }
}
