import ArgumentParser

@main
struct Datalint: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        abstract: "Lint, inspect and transform JSONL datasets for LLM training.",
        discussion: """
            datalint finds malformed chat records, schema drift and other problems in JSON Lines datasets \
            (OpenAI messages, ShareGPT, Alpaca, prompt/completion, preference and reward records), with exact \
            line and column for every finding. Settings are read from the nearest datalint.toml.
            """,
        version: version,
        subcommands: [CheckCommand.self, RunCommand.self, DedupCommand.self, StatsCommand.self, TokensCommand.self, ServeCommand.self,
                      PluginCommand.self, PluginWorkerCommand.self])

    /// Like ArgumentParser's own entry point, except that wrong arguments exit with status 2 (the status
    /// `datalint check` documents for usage errors) instead of sysexits' 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                var standardError = StandardStream.error()
                standardError.write(fullMessage(for: error) + "\n")
                standardError.flush()
                Self.exit(withError: ExitCode(2))
            }
            Self.exit(withError: error)
        }
    }
}
