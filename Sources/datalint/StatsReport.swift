import DatasetProfile
import Foundation
import Jansson

/// `datalint stats` output: a terminal summary with histograms, or one JSON document for scripts.
enum StatsReport {
    static func human(_ profile: DatasetProfile, findings: DatasetFindings?, epochs: Int) -> String {
        var lines: [String] = []
        lines.append("\(profile.records) records (\(plural(profile.blankLines, "blank line")), \(profile.invalidRecords) not \(profile.invalidRecords == 1 ? "a valid JSON object" : "valid JSON objects"))")
        lines.append("schemas   " + ranked(profile.schemas))
        if !profile.roles.isEmpty { lines.append("roles     " + ranked(profile.roles)) }
        if !profile.languages.isEmpty { lines.append("languages " + ranked(profile.languages)) }
        if let findings { lines += findingLines(findings, records: profile.records) }
        if let turns = profile.turns.summary {
            lines.append("turns     min \(turns.min) · p50 \(turns.p50) · p90 \(turns.p90) · max \(turns.max)")
        }
        let unit = profile.tokensAreApproximate ? "≈tokens, estimated (no \(profile.encodingName) rank file)" : "tokens (\(profile.encodingName))"
        lines.append("")
        lines.append("\(unit)           min      p50      p90      p99      max        total")
        if let all = profile.tokens.summary { lines.append(row("per record", all)) }
        for (role, distribution) in profile.tokensByRole.sorted(by: { $0.key < $1.key }) {
            if let summary = distribution.summary { lines.append(row("  " + role, summary)) }
        }
        if let trained = profile.trainedTokens.summary {
            lines.append(row("trained", trained))
            lines.append("")
            lines.append("trained tokens: \(trained.total) per epoch, \(trained.total * epochs) for \(epochs) epochs")
        }
        if let bias = profile.preferenceLengthBias {
            lines.append(String(format: "preference length bias: chosen answers are %+.1f tokens longer on average; the chosen answer is the longer in %.0f%% of pairs",
                                bias.meanDifference, bias.chosenLonger * 100))
        }
        let histogram = profile.tokens.logarithmicHistogram(bins: 12)
        if !histogram.isEmpty {
            lines.append("")
            lines.append("tokens per record (bins growing geometrically)")
            let largest = histogram.map(\.count).max() ?? 1
            for bin in histogram {
                let bar = String(repeating: "█", count: max(bin.count > 0 ? 1 : 0, bin.count * 40 / max(largest, 1)))
                lines.append(pad("\(bin.lowerBound)–\(bin.upperBound)", 16) + " " + pad(bar, 40) + " \(bin.count)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ profile: DatasetProfile, histograms: ProfileHistograms, findings: DatasetFindings?, epochs: Int) -> String {
        var members = profile.jsonMembers(histograms: histograms, epochs: epochs)
        if let findings {
            members.append(("duplicates", .object(JSONObject([
                ("exact", .integer(Int64(findings.exactDuplicates))), ("near", .integer(Int64(findings.nearDuplicates))),
                ("repeatedPrompts", .integer(Int64(findings.repeatedPrompts))),
                ("rate", .real(profile.records == 0 ? 0 : Double(findings.exactDuplicates + findings.nearDuplicates) / Double(profile.records))),
            ]))))
            members.append(("personalData", DatasetProfile.counts(findings.personalData)))
            if !findings.skippedFiles.isEmpty {
                members.append(("findingsSkipped", .array(findings.skippedFiles.map { .string($0) })))
            }
        }
        return ((try? JSONValue.object(JSONObject(members)).encodedString()) ?? "{}") + "\n"
    }


    private static func findingLines(_ findings: DatasetFindings, records: Int) -> [String] {
        let rate = records == 0 ? 0 : 100 * Double(findings.exactDuplicates + findings.nearDuplicates) / Double(records)
        var lines = [String(format: "duplicates %.1f%% of records within their file (%d exact, %d near); %d repeated prompts",
                            rate, findings.exactDuplicates, findings.nearDuplicates, findings.repeatedPrompts)]
        lines.append("personal  " + (findings.personalData.isEmpty ? "none found" : ranked(findings.personalData)))
        if !findings.skippedFiles.isEmpty {
            lines.append("          (duplicates and personal data not counted in standard input: it cannot be read twice)")
        }
        return lines
    }



    private static func ranked(_ counts: [String: Int]) -> String {
        counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: " · ")
    }

    private static func row(_ name: String, _ summary: Distribution.Summary) -> String {
        pad(name, 24) + [summary.min, summary.p50, summary.p90, summary.p99, summary.max].map { pad(String($0), 9, right: true) }.joined()
            + pad(String(summary.total), 13, right: true)
    }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
