import Diagnostics

/// The renderer for a `--format`, chosen once, so that the CLI drives every format the same way:
///
/// ```swift
/// var reporter = Reporter(format: .json, options: options)
/// for diagnostic in found { reporter.write(diagnostic, to: &standardOutput) }
/// reporter.finish(summary: summary, to: &standardOutput)
/// if !reporter.format.includesSummary { print(SummaryFormatter.line(for: summary), to: &standardError) }
/// ```
public struct Reporter: DiagnosticRenderer {
    public let format: ReportFormat
    private var renderer: any DiagnosticRenderer

    public init(format: ReportFormat, options: ReportOptions) {
        self.format = format
        switch format {
        case .human:
            renderer = HumanRenderer(columns: options.columns, useColor: options.useColor)
        case .json:
            renderer = JSONLinesRenderer(columns: options.columns)
        case .sarif:
            renderer = SARIFRenderer(tool: options.tool, catalog: options.catalog, isPretty: options.prettySARIF)
        }
    }

    public mutating func write(_ diagnostic: FileDiagnostic, to output: inout some TextOutputStream) {
        renderer.write(diagnostic, to: &output)
    }

    public mutating func finish(summary: CheckSummary, to output: inout some TextOutputStream) {
        renderer.finish(summary: summary, to: &output)
    }
}
