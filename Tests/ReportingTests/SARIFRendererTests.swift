import DatasetText
import Diagnostics
import Foundation
import Reporting
import Testing

private let catalog = DiagnosticCatalog([[
    CodeDescriptor("format/unknown-role", .error, "A message's role is not one the schema allows."),
    CodeDescriptor("format/duplicate-key", .warning, "An object repeats a key."),
    CodeDescriptor("content/empty-message", .info, "A message has no content."),
]])

private let tool = ToolDescription(version: "1.2.3", informationURI: "https://example.org/datalint",
                                   documentationBaseURL: "https://example.org/datalint/blob/main")

private let emojiLine = SampleLine(#"{"text":"😀","role":"bot","id":1,"id":2}"#, line: 6)

private func sampleDiagnostics() -> [FileDiagnostic] {
    [
        emojiLine.diagnostic(
            #""bot""#, message: #"unknown role "bot""#,
            fixes: [
                Fix(title: "use assistant", edits: [TextEdit(range: emojiLine.range(of: "bot"), newText: "assistant")]),
                Fix(title: "an empty fix", edits: []),
                Fix(title: "use assistant", edits: [TextEdit(range: emojiLine.range(of: "bot"), newText: "assistant")]),
            ],
            file: "./data/my train.jsonl", recordHash: 0xABC),
        emojiLine.diagnostic(
            #""id":2"#, code: "format/duplicate-key", severity: .warning, message: "duplicate key",
            related: [
                RelatedInformation(range: emojiLine.range(of: #""id":1"#), message: "first here"),
                RelatedInformation(file: "other/ü.jsonl", range: .columns(line: 0, utf8: 0..<3, utf16: 0..<1),
                                   message: "and here"),
            ]),
        emojiLine.diagnostic("text", code: "content/empty-message", severity: .info, message: "empty", file: "-"),
        emojiLine.diagnostic("id", code: "custom/uncatalogued", severity: .hint, message: "a hint"),
    ]
}

private func sarifLog(_ diagnostics: [FileDiagnostic], pretty: Bool = true) -> String {
    rendered(diagnostics, with: SARIFRenderer(tool: tool, catalog: catalog, isPretty: pretty), summary: CheckSummary())
}

private func parsed(_ log: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(log.utf8)) as? [String: Any])
}

private func onlyRun(_ log: [String: Any]) throws -> [String: Any] {
    let runs = try #require(log["runs"] as? [[String: Any]])
    try #require(runs.count == 1)
    return runs[0]
}

private func region(of location: [String: Any]) throws -> [String: Int] {
    let physical = try #require(location["physicalLocation"] as? [String: Any])
    return try #require(physical["region"] as? [String: Int])
}

private func uri(of location: [String: Any]) throws -> String {
    let physical = try #require(location["physicalLocation"] as? [String: Any])
    let artifact = try #require(physical["artifactLocation"] as? [String: Any])
    return try #require(artifact["uri"] as? String)
}

@Test func sarifLogDeclaresTheSchemaVersionAndTool() throws {
    let log = try parsed(sarifLog(sampleDiagnostics()))
    #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
    #expect(log["version"] as? String == "2.1.0")
    let run = try onlyRun(log)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "datalint")
    #expect(driver["version"] as? String == "1.2.3")
    #expect(driver["informationUri"] as? String == "https://example.org/datalint")
    #expect(run["columnKind"] as? String == "utf16CodeUnits")
}

@Test func sarifRulesListEachOccurringCodeOnceSortedAndDescribedFromTheCatalog() throws {
    let doubled = sampleDiagnostics() + sampleDiagnostics()
    let run = try onlyRun(try parsed(sarifLog(doubled)))
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.compactMap { $0["id"] as? String }
        == ["content/empty-message", "custom/uncatalogued", "format/duplicate-key", "format/unknown-role"])

    let unknownRole = rules[3]
    #expect((unknownRole["shortDescription"] as? [String: Any])?["text"] as? String
        == "A message's role is not one the schema allows.")
    #expect(unknownRole["helpUri"] as? String
        == "https://example.org/datalint/blob/main/docs/format.md#format-unknown-role")
    #expect((unknownRole["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
    #expect((rules[0]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "note")
    #expect((rules[2]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")

    let uncatalogued = rules[1]
    #expect(Set(uncatalogued.keys) == ["id"])
}

@Test func sarifResultsCarryTheRequiredPropertiesAndPointAtTheirRules() throws {
    let run = try onlyRun(try parsed(sarifLog(sampleDiagnostics())))
    let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 4)
    for result in results {
        let ruleId = try #require(result["ruleId"] as? String)
        let ruleIndex = try #require(result["ruleIndex"] as? Int)
        #expect(rules[ruleIndex]["id"] as? String == ruleId)
        #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
        #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        let locations = try #require(result["locations"] as? [[String: Any]])
        #expect(locations.count == 1)
        let region = try region(of: locations[0])
        let startLine = try #require(region["startLine"]), endLine = try #require(region["endLine"])
        let startColumn = try #require(region["startColumn"]), endColumn = try #require(region["endColumn"])
        #expect(startLine >= 1 && startColumn >= 1)
        #expect(endLine > startLine || (endLine == startLine && endColumn >= startColumn))
    }
    #expect(results.map { $0["level"] as? String } == ["error", "warning", "note", "note"])
    #expect(results.map { $0["ruleId"] as? String }
        == ["format/unknown-role", "format/duplicate-key", "content/empty-message", "custom/uncatalogued"])
}

@Test(arguments: [PositionEncoding.utf8, .utf16])
func sarifRegionsAreInUTF16ColumnsWhateverTheColumnsOption(columns: PositionEncoding) throws {
    let options = ReportOptions(columns: columns, tool: tool, catalog: catalog)
    let log = rendered(sampleDiagnostics(), with: Reporter(format: .sarif, options: options), summary: CheckSummary())
    let results = try #require(try onlyRun(try parsed(log))["results"] as? [[String: Any]])
    let location = try #require((results[0]["locations"] as? [[String: Any]])?.first)
    // `"bot"` follows a 4-byte, 2-unit emoji: UTF-8 columns would be 23..<28.
    #expect(try region(of: location) == ["startLine": 7, "startColumn": 21, "endLine": 7, "endColumn": 26])
}

@Test func sarifArtifactURIsAreRelativeAndEscaped() throws {
    let results = try #require(try onlyRun(try parsed(sarifLog(sampleDiagnostics())))["results"] as? [[String: Any]])
    let uris = try results.map { try uri(of: try #require(($0["locations"] as? [[String: Any]])?.first)) }
    #expect(uris == ["data/my%20train.jsonl", "data/train.jsonl", "stdin", "data/train.jsonl"])
}

@Test func sarifRelatedLocationsHaveIdsMessagesAndRegions() throws {
    let results = try #require(try onlyRun(try parsed(sarifLog(sampleDiagnostics())))["results"] as? [[String: Any]])
    let related = try #require(results[1]["relatedLocations"] as? [[String: Any]])
    #expect(related.map { $0["id"] as? Int } == [0, 1])
    #expect(related.map { ($0["message"] as? [String: Any])?["text"] as? String } == ["first here", "and here"])
    #expect(try related.map(uri(of:)) == ["data/train.jsonl", "other/%C3%BC.jsonl"])
    #expect(try region(of: related[0]) == ["startLine": 7, "startColumn": 27, "endLine": 7, "endColumn": 33])
    #expect(try region(of: related[1]) == ["startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2])
    #expect(results[0]["relatedLocations"] == nil)
}

@Test func sarifFixesReplaceRegionsAndSkipEmptyOrRepeatedFixes() throws {
    let results = try #require(try onlyRun(try parsed(sarifLog(sampleDiagnostics())))["results"] as? [[String: Any]])
    let fixes = try #require(results[0]["fixes"] as? [[String: Any]])
    #expect(fixes.count == 1)
    #expect((fixes[0]["description"] as? [String: Any])?["text"] as? String == "use assistant")
    let changes = try #require(fixes[0]["artifactChanges"] as? [[String: Any]])
    #expect(changes.count == 1)
    #expect((changes[0]["artifactLocation"] as? [String: Any])?["uri"] as? String == "data/my%20train.jsonl")
    let replacements = try #require(changes[0]["replacements"] as? [[String: Any]])
    #expect(replacements.count == 1)
    #expect(replacements[0]["deletedRegion"] as? [String: Int]
        == ["startLine": 7, "startColumn": 22, "endLine": 7, "endColumn": 25])
    #expect((replacements[0]["insertedContent"] as? [String: Any])?["text"] as? String == "assistant")
    #expect(results[1]["fixes"] == nil)
}

@Test func sarifFingerprintsFollowTheRecordHash() throws {
    let results = try #require(try onlyRun(try parsed(sarifLog(sampleDiagnostics())))["results"] as? [[String: Any]])
    #expect(results[0]["partialFingerprints"] as? [String: String] == ["datalintRecord/v1": "0000000000000abc:21"])
    #expect(results[1]["partialFingerprints"] == nil)
}

@Test func sarifLogWithoutDiagnosticsHasEmptyRulesAndResults() throws {
    let run = try onlyRun(try parsed(sarifLog([])))
    #expect((run["results"] as? [Any])?.isEmpty == true)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect((driver["rules"] as? [Any])?.isEmpty == true)
}

@Test func sarifLeavesOutLinksThatWereNotGiven() throws {
    let bare = SARIFRenderer(tool: ToolDescription(version: "0.1"), catalog: catalog)
    let log = try parsed(rendered(sampleDiagnostics(), with: bare, summary: CheckSummary()))
    let driver = try #require((try onlyRun(log)["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["informationUri"] == nil)
    #expect((driver["rules"] as? [[String: Any]])?.allSatisfy { $0["helpUri"] == nil } == true)
}

@Test func sarifCompactAndPrettyLogsHoldTheSameDocument() throws {
    let compact = sarifLog(sampleDiagnostics(), pretty: false)
    let pretty = sarifLog(sampleDiagnostics(), pretty: true)
    #expect(compact.filter { $0 == "\n" }.count == 1)
    #expect(pretty.filter { $0 == "\n" }.count > 50)
    #expect(NSDictionary(dictionary: try parsed(compact)).isEqual(to: try parsed(pretty)))
}

@Test func sarifWritesNothingUntilFinished() {
    var renderer = SARIFRenderer(tool: tool, catalog: catalog)
    var output = ""
    for diagnostic in sampleDiagnostics() { renderer.write(diagnostic, to: &output) }
    #expect(output.isEmpty)
    renderer.finish(summary: CheckSummary(), to: &output)
    #expect(output.hasPrefix("{"))
    #expect(output.hasSuffix("}\n"))
}
