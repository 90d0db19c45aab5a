import Diagnostics

/// Turns a run's diagnostics into one output format.
///
/// A renderer receives diagnostics one at a time, as the checker finds them, and writes each to the sink it
/// is given; streaming formats write immediately so millions of diagnostics never sit in memory. `finish`
/// is called once, after the last diagnostic, to write whatever closes the report.
public protocol DiagnosticRenderer: Sendable {
    /// Renders one diagnostic (a streaming format writes it to `output` now; a document format keeps it).
    mutating func write(_ diagnostic: FileDiagnostic, to output: inout some TextOutputStream)

    /// Writes the end of the report: the summary line, or the whole document for formats written at once.
    mutating func finish(summary: CheckSummary, to output: inout some TextOutputStream)
}
