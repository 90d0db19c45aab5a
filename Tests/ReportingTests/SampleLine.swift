@testable import Reporting
import DatasetText
import Diagnostics

/// One line of a dataset, for building diagnostics whose positions agree with the text in both column units.
struct SampleLine {
    var text: String
    /// The 0-based line number.
    var line: Int

    init(_ text: String, line: Int = 0) {
        self.text = text
        self.line = line
    }

    /// The range of the first occurrence of `needle`.
    func range(of needle: String) -> SourceRange {
        guard let found = text.firstRange(of: needle) else { fatalError("\(needle) is not in \(text)") }
        return SourceRange(start: position(at: found.lowerBound), end: position(at: found.upperBound))
    }

    /// The empty range at the end of the line.
    var endRange: SourceRange {
        let end = position(at: text.endIndex)
        return SourceRange(start: end, end: end)
    }

    func position(at index: String.Index) -> SourcePosition {
        SourcePosition(line: line,
                       utf8Column: text.utf8.distance(from: text.startIndex, to: index),
                       utf16Column: text.utf16.distance(from: text.startIndex, to: index))
    }

    /// The whole line as an excerpt.
    var excerpt: SourceExcerpt {
        SourceExcerpt(text: text, startColumn: 0, isCutBefore: false, isCutAfter: false)
    }

    func diagnostic(_ needle: String, code: DiagnosticCode = "format/unknown-role", severity: Severity = .error,
                    message: String = "problem", related: [RelatedInformation] = [], fixes: [Fix] = [],
                    file: String = "data/train.jsonl", withExcerpt: Bool = true,
                    recordHash: UInt64? = nil) -> FileDiagnostic {
        let diagnostic = Diagnostic(code: code, severity: severity, message: message, range: range(of: needle),
                                    related: related, fixes: fixes)
        return FileDiagnostic(file: file, diagnostic: diagnostic, excerpt: withExcerpt ? excerpt : nil,
                              recordHash: recordHash)
    }
}

extension SourceRange {
    /// A range on one line given in both units, for places whose text the test does not need.
    static func columns(line: Int, utf8: Range<Int>, utf16: Range<Int>) -> SourceRange {
        SourceRange(start: SourcePosition(line: line, utf8Column: utf8.lowerBound, utf16Column: utf16.lowerBound),
                    end: SourcePosition(line: line, utf8Column: utf8.upperBound, utf16Column: utf16.upperBound))
    }
}

/// Renders diagnostics through any renderer into a string.
func rendered(_ diagnostics: [FileDiagnostic], with renderer: some DiagnosticRenderer,
              summary: CheckSummary? = nil) -> String {
    var renderer = renderer
    var output = ""
    for diagnostic in diagnostics { renderer.write(diagnostic, to: &output) }
    if let summary { renderer.finish(summary: summary, to: &output) }
    return output
}
