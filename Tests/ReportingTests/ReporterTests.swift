import DatasetText
import Diagnostics
import Foundation
import Reporting
import Testing

private let line = SampleLine(#"{"role":"bot"}"#)
private let options = ReportOptions(columns: .utf16, tool: ToolDescription(version: "1.0"))

private func oneError() -> CheckSummary {
    var summary = CheckSummary()
    summary.files = 1
    summary.records = 1
    summary.count(.error)
    return summary
}

@Test func reporterInHumanFormatEndsWithTheSummary() {
    let output = rendered([line.diagnostic(#""bot""#)], with: Reporter(format: .human, options: options),
                          summary: oneError())
    #expect(output.hasPrefix("data/train.jsonl:1:9: error[format/unknown-role]: problem\n"))
    #expect(output.hasSuffix("\n\nchecked 1 file, 1 record: 1 error\n"))
    #expect(ReportFormat.human.includesSummary)
}

@Test func reporterInJSONFormatWritesOneLinePerDiagnosticAndNoSummary() throws {
    let reporter = Reporter(format: .json, options: options)
    let output = rendered([line.diagnostic(#""bot""#), line.diagnostic("role")], with: reporter, summary: oneError())
    let lines = output.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(try lines.allSatisfy { try JSONSerialization.jsonObject(with: Data($0.utf8)) is [String: Any] })
    #expect(!ReportFormat.json.includesSummary)
}

@Test func reporterInSARIFFormatWritesOneDocument() throws {
    let output = rendered([line.diagnostic(#""bot""#)], with: Reporter(format: .sarif, options: options),
                          summary: oneError())
    let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    #expect(!ReportFormat.sarif.includesSummary)
}

@Test func reportFormatsAreNamedAsOnTheCommandLine() {
    #expect(ReportFormat.allCases.map(\.rawValue) == ["human", "json", "sarif"])
}

@Test(arguments: [("utf8", PositionEncoding.utf8), ("UTF-8", .utf8), ("utf16", .utf16), ("utf-16", .utf16)])
func columnsArgumentNamesAUnit(argument: String, unit: PositionEncoding) {
    #expect(PositionEncoding(columnsArgument: argument) == unit)
}

@Test func columnsArgumentRejectsOtherUnits() {
    #expect(PositionEncoding(columnsArgument: "utf32") == nil)
}
