import DatasetText
import Diagnostics

/// JSON Lines for tools: one compact object per diagnostic, written as soon as it arrives.
///
/// ```
/// {"file":"a.jsonl","line":3,"column":22,"endLine":3,"endColumn":32,"severity":"error",
///  "code":"format/unknown-role","message":"…","related":[…],"fixes":[…]}
/// ```
/// (on one line). Lines and columns are 1-based, columns in the chosen unit; `related` and `fixes` appear
/// only when non-empty. The summary is not part of this format: print `SummaryFormatter.line(for:)` to
/// standard error instead.
public struct JSONLinesRenderer: DiagnosticRenderer {
    /// The unit of every column in the output.
    public var columns: PositionEncoding

    public init(columns: PositionEncoding = .utf8) {
        self.columns = columns
    }

    public func write(_ diagnostic: FileDiagnostic, to output: inout some TextOutputStream) {
        output.write(line(for: diagnostic))
    }

    /// Writes nothing: a JSON Lines report has no trailer.
    public func finish(summary: CheckSummary, to output: inout some TextOutputStream) {}

    /// The JSON object for one diagnostic, followed by a newline.
    public func line(for item: FileDiagnostic) -> String {
        let diagnostic = item.diagnostic
        var json = JSONWriter(reservingCapacity: 256 + diagnostic.message.utf8.count)
        json.object { json in
            json.member("file", item.file)
            writeRange(diagnostic.range, to: &json)
            json.member("severity", diagnostic.severity.rawValue)
            json.member("code", diagnostic.code.rawValue)
            json.member("message", diagnostic.message)
            if !diagnostic.related.isEmpty {
                json.array("related") { json in
                    for related in diagnostic.related { writeRelated(related, defaultFile: item.file, to: &json) }
                }
            }
            if !diagnostic.fixes.isEmpty {
                json.array("fixes") { json in
                    for fix in diagnostic.fixes { writeFix(fix, to: &json) }
                }
            }
        }
        json.appendNewline()
        return json.takeOutput()
    }

    private func writeRange(_ range: SourceRange, to json: inout JSONWriter) {
        let start = OneBasedPosition(range.start, columns: columns)
        let end = OneBasedPosition(range.end, columns: columns)
        json.member("line", start.line)
        json.member("column", start.column)
        json.member("endLine", end.line)
        json.member("endColumn", end.column)
    }

    private func writeRelated(_ related: RelatedInformation, defaultFile: String, to json: inout JSONWriter) {
        let start = OneBasedPosition(related.range.start, columns: columns)
        json.object { json in
            json.member("file", related.file ?? defaultFile)
            json.member("line", start.line)
            json.member("column", start.column)
            json.member("message", related.message)
        }
    }

    private func writeFix(_ fix: Fix, to json: inout JSONWriter) {
        json.object { json in
            json.member("title", fix.title)
            json.array("edits") { json in
                for edit in fix.edits {
                    json.object { json in
                        writeRange(edit.range, to: &json)
                        json.member("newText", edit.newText)
                    }
                }
            }
        }
    }
}
