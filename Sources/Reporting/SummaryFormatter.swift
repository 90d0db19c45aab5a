import Diagnostics

/// The one-line summary of a run, such as `checked 3 files, 1,200 records: 2 errors, 5 warnings, 1 info`.
///
/// The human format ends with it; for the JSON and SARIF formats the CLI prints it to standard error.
public enum SummaryFormatter {
    /// The summary line, without a trailing newline.
    ///
    /// Severities with a zero count are left out, so is `waived` when nothing was waived; a run without
    /// diagnostics reads `no problems found in 3 files, 1,200 records`. Numbers are grouped by thousands with
    /// commas whatever the locale, so that scripts and tests see the same text everywhere.
    public static func line(for summary: CheckSummary) -> String {
        let scope = "\(counted(summary.files, "file")), \(counted(summary.records, "record"))"
        let problems = [
            (summary.errors, "error"), (summary.warnings, "warning"), (summary.infos, "info"), (summary.hints, "hint"),
        ].filter { $0.0 > 0 }.map { counted($0.0, $0.1) }
        let waived = summary.waived > 0 ? "\(grouped(summary.waived)) waived" : nil
        guard !problems.isEmpty else {
            return "no problems found in \(scope)" + (waived.map { " (\($0))" } ?? "")
        }
        return "checked \(scope): " + (problems + [waived].compactMap { $0 }).joined(separator: ", ")
    }

    /// `1 file`, `2 files`, `1,200 records`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(grouped(count)) \(noun)\(count == 1 ? "" : "s")"
    }

    /// `1200` as `1,200`.
    static func grouped(_ number: Int) -> String { NumberText.grouped(number) }
}
