import Diagnostics
import Reporting
import Testing

private func summary(files: Int = 3, records: Int = 1200, errors: Int = 0, warnings: Int = 0, infos: Int = 0,
                     hints: Int = 0, waived: Int = 0) -> CheckSummary {
    var summary = CheckSummary()
    summary.files = files
    summary.records = records
    summary.errors = errors
    summary.warnings = warnings
    summary.infos = infos
    summary.hints = hints
    summary.waived = waived
    return summary
}

@Test func summaryCountsEverySeverityThatOccurred() {
    #expect(SummaryFormatter.line(for: summary(errors: 2, warnings: 5, infos: 1))
        == "checked 3 files, 1,200 records: 2 errors, 5 warnings, 1 info")
}

@Test func summaryUsesTheSingularForOne() {
    #expect(SummaryFormatter.line(for: summary(files: 1, records: 1, errors: 1, warnings: 1, infos: 1, hints: 1))
        == "checked 1 file, 1 record: 1 error, 1 warning, 1 info, 1 hint")
}

@Test func summaryUsesThePluralForMany() {
    #expect(SummaryFormatter.line(for: summary(files: 2, records: 2, errors: 2, warnings: 2, infos: 2, hints: 2))
        == "checked 2 files, 2 records: 2 errors, 2 warnings, 2 infos, 2 hints")
}

@Test func summaryLeavesOutSeveritiesThatDidNotOccur() {
    #expect(SummaryFormatter.line(for: summary(warnings: 1)) == "checked 3 files, 1,200 records: 1 warning")
}

@Test func summaryMentionsWaivedDiagnostics() {
    #expect(SummaryFormatter.line(for: summary(errors: 2, waived: 3))
        == "checked 3 files, 1,200 records: 2 errors, 3 waived")
}

@Test func summaryWithoutProblemsSaysSo() {
    #expect(SummaryFormatter.line(for: summary()) == "no problems found in 3 files, 1,200 records")
    #expect(SummaryFormatter.line(for: summary(files: 1, records: 0)) == "no problems found in 1 file, 0 records")
}

@Test func summaryWithoutProblemsStillMentionsWaivedOnes() {
    #expect(SummaryFormatter.line(for: summary(waived: 1_000)) == "no problems found in 3 files, 1,200 records (1,000 waived)")
}

@Test func summaryGroupsLargeNumbersByThousands() {
    #expect(SummaryFormatter.line(for: summary(files: 1_000, records: 12_345_678, errors: 999, warnings: 1_000_000))
        == "checked 1,000 files, 12,345,678 records: 999 errors, 1,000,000 warnings")
}
