import DatasetProfile
import Foundation

/// `datalint stats --html`: one self-contained page (inline CSS, inline SVG, no script, nothing fetched) with what a
/// data scientist looks at before training — token lengths per record and per role, turns per record, and the
/// coverage of schemas, languages and turn counts, with duplicates and personal data when they were counted.
struct StatsHTMLReport {
    let files: [String]
    let profile: DatasetProfile
    let histograms: ProfileHistograms
    let findings: DatasetFindings?
    let epochs: Int

    var html: String {
        let title = "datalint stats — " + files.joined(separator: ", ")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>Dataset report</h1>
            <p class="files">\(files.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: ", "))</p>
            \(summary)
            <section id="lengths">
            <h2>Token lengths</h2>
            <p>\(HTMLText.escape(unitNote)). Bins grow geometrically: lengths are skewed.</p>
            \(SVGHistogram(identifier: "tokens-per-record", title: "Tokens per record", axisLabel: "tokens per record",
                           bins: histograms.tokensPerRecord).svg)
            <div class="small-multiples">
            \(histograms.tokensByRole.map { role, bins in
                SVGHistogram(identifier: "tokens-role-\(role)", title: "Tokens per \(role) turn", axisLabel: "tokens of the content",
                             bins: bins, width: 310, height: 170).svg
            }.joined(separator: "\n"))
            </div>
            </section>
            \(turnsSection)
            \(coverage)
            \(findingsSection)
            <footer>Made by <code>datalint stats --html</code>; the same numbers are in <code>datalint stats --format json</code>.</footer>
            </body>
            </html>

            """
    }

    private var unitNote: String {
        profile.tokensAreApproximate ? "Tokens are estimated (the \(profile.encodingName) rank file is not installed)"
            : "Tokens are exact \(profile.encodingName) counts, chat framing included"
    }

    private var summary: String {
        var rows = [("records", "\(profile.records)"), ("blank lines", "\(profile.blankLines)"),
                    ("not valid JSON objects", "\(profile.invalidRecords)")]
        if let trained = profile.trainedTokens.summary {
            rows.append(("trained tokens per epoch", "\(trained.total)"))
            rows.append(("trained tokens for \(epochs) epochs", "\(trained.total * epochs)"))
        }
        if let bias = profile.preferenceLengthBias {
            rows.append(("chosen minus rejected tokens (mean)", String(format: "%+.1f", bias.meanDifference)))
            rows.append(("pairs whose chosen answer is longer", String(format: "%.0f%%", bias.chosenLonger * 100)))
        }
        var percentiles: [[String]] = []
        if let all = profile.tokens.summary { percentiles.append(["per record"] + Self.cells(all)) }
        for (role, distribution) in profile.tokensByRole.sorted(by: { $0.key < $1.key }) {
            if let summary = distribution.summary { percentiles.append([role] + Self.cells(summary)) }
        }
        if let trained = profile.trainedTokens.summary { percentiles.append(["trained"] + Self.cells(trained)) }
        return """
            <section id="summary">
            <h2>Summary</h2>
            \(Self.table(id: "totals", header: ["", ""], rows: rows.map { [$0.0, $0.1] }))
            \(Self.table(id: "token-percentiles", header: ["tokens", "min", "p50", "p90", "p99", "max", "total"], rows: percentiles))
            </section>
            """
    }

    private var turnsSection: String {
        guard !histograms.turnsPerRecord.isEmpty else { return "" }
        return """
            <section id="turns">
            <h2>Turns per record</h2>
            \(SVGHistogram(identifier: "turns-per-record", title: "Turns per record", axisLabel: "turns", bins: histograms.turnsPerRecord).svg)
            </section>
            """
    }

    private var coverage: String {
        let languages = profile.languages.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { code, count in
            [profile.languageNames[code].map { "\($0.capitalized) (\(code))" } ?? code, "\(count)", share(count)]
        }
        // Shares of conversations: records of other schemas have no turns.
        let conversations = max(1, profile.turns.count)
        let turnCounts = histograms.turnsPerRecord.map { bin in
            [bin.lowerBound == bin.upperBound ? "\(bin.lowerBound)" : "\(bin.lowerBound)–\(bin.upperBound)", "\(bin.count)",
             String(format: "%.1f%%", 100 * Double(bin.count) / Double(conversations))]
        }
        return """
            <section id="coverage">
            <h2>Coverage</h2>
            <div class="tables">
            \(Self.table(id: "schemas", header: ["schema", "records", "share"], rows: ranked(profile.schemas)))
            \(Self.table(id: "languages", header: ["language", "records", "share"], rows: languages))
            \(Self.table(id: "roles", header: ["role", "turns", ""], rows: ranked(profile.roles).map { [$0[0], $0[1], ""] }))
            \(turnCounts.isEmpty ? "" : Self.table(id: "turn-counts", header: ["turns", "conversations", "share"], rows: turnCounts))
            </div>
            </section>
            """
    }

    private var findingsSection: String {
        guard let findings else { return "" }
        let duplicates = [["exact duplicates", "\(findings.exactDuplicates)", share(findings.exactDuplicates)],
                          ["near duplicates", "\(findings.nearDuplicates)", share(findings.nearDuplicates)],
                          ["repeated prompts", "\(findings.repeatedPrompts)", share(findings.repeatedPrompts)]]
        let personal = findings.personalData.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { [$0.key, "\($0.value)"] }
        return """
            <section id="findings">
            <h2>Duplicates and personal data</h2>
            <div class="tables">
            \(Self.table(id: "duplicates", header: ["", "records", "share"], rows: duplicates))
            \(Self.table(id: "personal-data", header: ["code", "hits"], rows: personal.isEmpty ? [["none found", "0"]] : personal))
            </div>
            </section>
            """
    }

    private func ranked(_ counts: [String: Int]) -> [[String]] {
        counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { [$0.key, "\($0.value)", share($0.value)] }
    }

    private func share(_ count: Int) -> String {
        profile.records == 0 ? "" : String(format: "%.1f%%", 100 * Double(count) / Double(profile.records))
    }

    private static func cells(_ summary: Distribution.Summary) -> [String] {
        [summary.min, summary.p50, summary.p90, summary.p99, summary.max, summary.total].map(String.init)
    }

    private static func table(id: String, header: [String], rows: [[String]]) -> String {
        let head = header.map { "<th>\(HTMLText.escape($0))</th>" }.joined()
        let body = rows.map { row in "<tr>" + row.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return "<table id=\"\(id)\"><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table>"
    }

    private static let style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
        table { border-collapse: collapse; margin: 0.5rem 1.5rem 1rem 0; }
        th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid #eaeef2; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        .small-multiples { display: flex; flex-wrap: wrap; gap: 0 1rem; }
        .tables { display: flex; flex-wrap: wrap; align-items: flex-start; }
        svg.histogram { display: block; margin: 0.5rem 0 1rem; }
        svg rect { fill: #4f81bd; } svg rect:hover { fill: #2d5c99; }
        svg .axis { stroke: #57606a; } svg text { font: 11px system-ui, sans-serif; fill: #57606a; }
        svg .caption { font-weight: 600; fill: #1f2328; font-size: 12px; }
        footer { margin-top: 2rem; color: #57606a; font-size: 12px; }
        """
}
