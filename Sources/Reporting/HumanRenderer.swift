import DatasetText
import Diagnostics

/// The compiler-like format for people at a terminal:
///
/// ```
/// data/train.jsonl:3:22: error[format/unknown-role]: unknown role "assitant"; did you mean "assistant"?
///     3 | {"messages":[{"role":"assitant","content":"hi"}]}
///       |                      ^^^^^^^^^^
///   help: replace with "assistant"
/// ```
///
/// The underline is placed in terminal cells, not bytes or code units: East Asian wide characters and emoji
/// take 2 cells, combining marks 0, a tab is expanded to 4 spaces, and `…` marks where the excerpt was cut
/// (`DisplayWidth` has the whole rule). A range spanning lines is underlined to the end of its first line.
/// Related information follows as `note:` lines and fix titles as `help:` lines; the summary line ends the
/// report. Control characters from the dataset are drawn as visible stand-ins, never sent to the terminal.
public struct HumanRenderer: DiagnosticRenderer {
    /// The unit of the columns in `file:line:column`.
    public var columns: PositionEncoding
    /// Whether to use ANSI colours; pass true only when the output is a terminal and `NO_COLOR` is unset.
    public var useColor: Bool

    private var hasWrittenDiagnostics = false

    /// The narrowest gutter, so that short line numbers line up across diagnostics.
    private static let minimumGutterWidth = 5

    public init(columns: PositionEncoding = .utf8, useColor: Bool = false) {
        self.columns = columns
        self.useColor = useColor
    }

    public mutating func write(_ diagnostic: FileDiagnostic, to output: inout some TextOutputStream) {
        output.write(render(diagnostic))
        hasWrittenDiagnostics = true
    }

    /// Writes the summary line, set off from the diagnostics by a blank line.
    public mutating func finish(summary: CheckSummary, to output: inout some TextOutputStream) {
        if hasWrittenDiagnostics { output.write("\n") }
        output.write(SummaryFormatter.line(for: summary) + "\n")
    }

    /// The lines for one diagnostic, each ending in a newline.
    public func render(_ item: FileDiagnostic) -> String {
        let style = TerminalStyle(isEnabled: useColor)
        let diagnostic = item.diagnostic
        var text = headerLine(item, style: style)
        if let excerpt = item.excerpt {
            text += excerptLines(excerpt, range: diagnostic.range, severity: diagnostic.severity, style: style)
        }
        for related in diagnostic.related {
            let place = location(file: related.file ?? item.file, related.range.start)
            text += "  \(style.bold("note")): \(place): \(TerminalText.visible(related.message))\n"
        }
        for fix in diagnostic.fixes {
            text += "  \(style.bold("help")): \(TerminalText.visible(fix.title))\n"
        }
        return text
    }

    private func headerLine(_ item: FileDiagnostic, style: TerminalStyle) -> String {
        let diagnostic = item.diagnostic
        let label = style.severity("\(diagnostic.severity.rawValue)[\(diagnostic.code)]", diagnostic.severity)
        let place = location(file: item.file, diagnostic.range.start)
        return "\(place): \(label): \(TerminalText.visible(diagnostic.message))\n"
    }

    private func location(file: String, _ position: SourcePosition) -> String {
        let printed = OneBasedPosition(position, columns: columns)
        return "\(TerminalText.visible(file)):\(printed.line):\(printed.column)"
    }

    private func excerptLines(_ excerpt: SourceExcerpt, range: SourceRange, severity: Severity,
                              style: TerminalStyle) -> String {
        let layout = ExcerptLayout(excerpt: excerpt, range: range)
        let number = String(range.start.line + 1)
        let gutterWidth = max(Self.minimumGutterWidth, number.count)
        let numberGutter = String(repeating: " ", count: gutterWidth - number.count) + number
        let blankGutter = String(repeating: " ", count: gutterWidth)
        let source = layout.displayText.isEmpty ? "" : " " + layout.displayText
        let underline = String(repeating: " ", count: layout.underlineStart)
            + style.severity(String(repeating: "^", count: layout.underlineWidth), severity)
        return "\(numberGutter) |\(source)\n\(blankGutter) | \(underline)\n"
    }
}
