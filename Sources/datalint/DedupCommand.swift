import ArgumentParser
import Deduplication
import Foundation
import NearDuplicates
import Reporting

struct DedupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "List clusters of near-duplicate records across JSONL files, as JSON.",
        discussion: """
            Two records are near duplicates when the Jaccard similarity of their texts' 5-word shingles reaches \
            --threshold. A record's text is its string values (not keys) in document order, normalized (Unicode \
            NFC, case folded, white space collapsed). Candidates come from MinHash signatures and LSH bands and \
            are measured exactly. Each cluster keeps its first record (by file, then line) and lists the others \
            with their similarity to it. Lines are 1-based; blank lines, lines that are not JSON objects and \
            records without text take no part. Each file is read twice, so it must be a regular file.

            Output: {"threshold": 0.8, "records": N, "clusters": [{"kept": {"file": F, "line": L}, \
            "members": [{"file": F, "line": L, "similarity": S}]}]}
            """)

    @Argument(help: ArgumentHelp("JSONL files to compare with each other.", valueName: "FILE"))
    var files: [String]

    @Option(help: "Jaccard similarity at or above which two records are near duplicates (0 < t ≤ 1).")
    var threshold: Double = 0.8

    @Option(help: "MinHash values per signature (more: better recall near the threshold, more memory).")
    var hashes: Int = 128

    @Option(name: .shortAndLong, help: "Records are signed on this many threads (default: every core).")
    var jobs: Int?

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one FILE") }
        if !(threshold > 0 && threshold <= 1) { throw ValidationError("--threshold must be in (0, 1]") }
        if hashes < 16 || hashes > 1024 { throw ValidationError("--hashes must be between 16 and 1024") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let finder = NearDuplicateFinder(threshold: threshold, hashCount: hashes)
        let report: NearDuplicateReport
        do {
            report = try await finder.report(for: files, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        } catch {
            var errors = StandardStream.error()
            errors.write("datalint: error: \(error)\n")
            errors.flush()
            throw ExitCode(2)
        }
        var output = StandardStream.output()
        output.write(Self.json(report, threshold: threshold))
        output.flush()
    }

    static func json(_ report: NearDuplicateReport, threshold: Double) -> String {
        var json = JSONWriter()
        json.object { json in
            json.key("threshold")
            json.value(threshold, fractionDigits: 6)
            json.member("records", report.records.count)
            json.array("clusters") { json in
                for cluster in report.clusters {
                    json.object { json in
                        json.object("kept") { location(&$0, report.records[cluster.kept], report) }
                        json.array("members") { json in
                            for member in cluster.others {
                                json.object { json in
                                    location(&json, report.records[member.record], report)
                                    json.key("similarity")
                                    json.value(member.similarityToKept, fractionDigits: 4)
                                }
                            }
                        }
                    }
                }
            }
        }
        json.appendNewline()
        return json.takeOutput()
    }

    private static func location(_ json: inout JSONWriter, _ location: RecordLocation, _ report: NearDuplicateReport) {
        json.member("file", report.paths[location.file])
        json.member("line", location.line + 1)
    }
}
