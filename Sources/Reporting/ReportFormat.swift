/// The output formats of `datalint check --format`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Compiler-like text with source excerpts, for people (`HumanRenderer`).
    case human
    /// JSON Lines, one object per diagnostic, for scripts (`JSONLinesRenderer`).
    case json
    /// A SARIF 2.1.0 log, for code-scanning dashboards (`SARIFRenderer`).
    case sarif

    /// True when the report ends with the summary line itself. For the other formats the summary would
    /// corrupt the machine-readable output, so the CLI prints `SummaryFormatter.line(for:)` to standard error.
    public var includesSummary: Bool { self == .human }
}
