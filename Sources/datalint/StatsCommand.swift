import ArgumentParser
import Checker
import Configuration
import DatasetIO
import DatasetProfile
import Foundation
import RecordScanner
import RecordTokens
import Reporting
import Tokenization

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Describe datasets: records, schemas, roles, turns and token counts per role.",
        discussion: """
            Tokens are exact counts of --encoding (a chat record with the OpenAI cookbook's framing); without its \
            rank file, --approximate estimates and says so. "Trained tokens" are those of assistant turns, \
            outputs, completions and chosen answers: what fine-tuning is billed for and learns from.
            """)

    @Argument(help: ArgumentHelp("JSONL files (.gz too), or - for standard input.", valueName: "FILE"))
    var files: [String] = ["-"]

    @Option(help: "human or json.")
    var format: StatsFormat = .human

    @Option(help: "cl100k_base or o200k_base (default: the datasets' datalint.toml [length] encoding, else cl100k_base).")
    var encoding: String?

    @Option(help: "Epochs for the estimate of training tokens.")
    var epochs: Int = 3

    @Flag(help: "Estimate tokens when the encoding's rank file is not installed, instead of failing.")
    var approximate = false

    @Option(help: ArgumentHelp("Also write a self-contained HTML report (SVG histograms, coverage tables) to this file.",
                               valueName: "path"))
    var html: String?

    @Flag(help: "Skip counting duplicates and personal data (a second pass with the dedup and pii stages).")
    var skipChecks = false

    @Option(help: "Files checked in parallel chunks by this many threads in the duplicate and personal-data pass.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if let encoding, BPEEncoding.named(encoding) == nil {
            throw ValidationError("unknown --encoding '\(encoding)' (known: \(BPEEncoding.all.map(\.name).joined(separator: ", ")))")
        }
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        var errors = StandardStream.error()
        // Without --encoding, the [length] encoding of the first dataset's datalint.toml, as `check` counts.
        let configured = files.first.flatMap { $0 == "-" ? nil : Self.configuredEncoding(near: $0) }
        let encoding = BPEEncoding.named(self.encoding ?? configured ?? BPEEncoding.cl100kBase.name) ?? .cl100kBase
        let counter: RecordTokenCounter
        do {
            counter = RecordTokenCounter(tokenizer: try BPETokenizer(encoding: encoding))
        } catch {
            guard approximate else {
                errors.write("datalint: error: \(error)\n")
                errors.flush()
                throw ExitCode(2)
            }
            counter = RecordTokenCounter(tokenizer: nil, encoding: encoding)
        }
        var profile = DatasetProfile(counter: counter)
        var findings: DatasetFindings? = skipChecks ? nil : DatasetFindings()
        do {
            for file in files {
                try Self.read(file, into: &profile)
                try await findings?.measure(file, jobs: jobs)
            }
        } catch {
            errors.write("datalint: error: \(error)\n")
            errors.flush()
            throw ExitCode(2)
        }
        let histograms = ProfileHistograms(profile)
        if let html {
            let report = StatsHTMLReport(files: files, profile: profile, histograms: histograms, findings: findings, epochs: epochs)
            do {
                try AtomicFileWriter.replaceContents(of: html, with: Array(report.html.utf8))
            } catch {
                errors.write("datalint: error: cannot write \(html): \(error)\n")
                errors.flush()
                throw ExitCode(2)
            }
        }
        var output = StandardStream.output()
        output.write(format == .json ? StatsReport.json(profile, histograms: histograms, findings: findings, epochs: epochs)
                     : StatsReport.human(profile, findings: findings, epochs: epochs))
        output.flush()
    }

    private static func configuredEncoding(near path: String) -> String? {
        let loader = ConfigurationLoader(schema: .standard(stageNames: BuiltInStages.names, catalog: BuiltInStages.catalog))
        return (try? loader.loadNearest(toDatasetAt: path))??.settings.length.encoding
    }

    private static func read(_ file: String, into profile: inout DatasetProfile) throws {
        var reader = try DatasetReader(path: file)
        defer { reader.close() }
        var scanner = RecordScanner()
        var record = ParsedRecord()
        while let chunk = try reader.nextChunk() {
            var line = chunk.firstLine
            LineSplitter.forEachLine(in: chunk.bytes) { range in
                let isBlank = LineSplitter.isBlank(chunk.bytes[range])
                scanner.scan(chunk.bytes, lineRange: range, lineNumber: line, into: &record)
                profile.add(record, isBlank: isBlank)
                line += 1
            }
        }
    }
}

enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json
}
