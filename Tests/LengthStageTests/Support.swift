import Diagnostics
import Foundation
import LengthStage
import RecordScanner
import StageKit
import Testing
import Tokenization

/// The cl100k_base tokenizer, loaded once (the test command installs the rank file).
let cl100k: BPETokenizer? = try? BPETokenizer(encoding: .cl100kBase)

func requireTokenizer() throws -> BPETokenizer {
    try #require(cl100k, "the cl100k_base rank file is not installed (bench/tokens/install_rank_files.py)")
}

/// Checks whole files (lines) through the stage and its aggregate, as the checker does.
func diagnoseFile(_ lines: [String], options: LengthOptions = LengthOptions(), tokenizer: BPETokenizer? = cl100k) -> [Diagnostic] {
    let stage = LengthStage(options: options, counters: TokenCounters(tokenizer: tokenizer))
    var scanner = RecordScanner()
    var aggregate = stage.makeAggregate()
    var diagnostics: [Diagnostic] = []
    for (number, line) in lines.enumerated() {
        aggregate.absorb(stage.check(scanner.scan(Array(line.utf8), lineNumber: number), into: &diagnostics), line: number)
    }
    aggregate.finish(into: &diagnostics)
    return diagnostics
}

/// (code, 1-based line) of each diagnostic, in order.
func found(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map { "\($0.code.rawValue)@\($0.line + 1)" } }

func chat(_ user: String, _ assistant: String) -> String {
    #"{"messages":[{"role":"user","content":"\#(user)"},{"role":"assistant","content":"\#(assistant)"}]}"#
}

/// Deterministic pseudo-random numbers (a 64-bit LCG), so that "known distributions" are the same every run.
struct SeededRandom {
    var state: UInt64

    mutating func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }

    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let u = max(next(), 1e-12), v = next()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

/// A sentence of `count` distinct common words: one cl100k token each with its leading space.
func sentence(_ count: Int, seed: Int = 0) -> String {
    let words = ["apple", "river", "stone", "cloud", "green", "table", "light", "music", "paper", "water", "house", "dream"]
    return (0..<count).map { words[($0 + seed) % words.count] }.joined(separator: " ") + "."
}
