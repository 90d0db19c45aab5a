import ArgumentParser

@main
struct Datalint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lint, inspect and transform JSONL datasets for LLM training.")
}
