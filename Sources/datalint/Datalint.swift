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
        subcommands: [CheckCommand.self])
}
