import DatasetText
import Diagnostics
import Reporting

/// Writes a `textDocument/publishDiagnostics` notification straight to JSON bytes. It is sent after every
/// keystroke with every diagnostic of the document, and going through Codable and a JSON tree took most of the
/// 30 ms an edit may cost on a 100k-record file; the pull model and tests use the typed path, whose output the
/// tests compare this with.
struct PublishDiagnosticsWriter {
    let conversion: ProtocolConversion

    func body(version: Int?, diagnostics: [Diagnostics.Diagnostic]) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 256 + diagnostics.count * 320)
        writer.object { message in
            message.member("jsonrpc", "2.0")
            message.member("method", "textDocument/publishDiagnostics")
            message.object("params") { params in
                params.member("uri", conversion.uri)
                if let version { params.member("version", version) }
                params.array("diagnostics") { list in
                    for diagnostic in diagnostics { write(diagnostic, to: &list) }
                }
            }
        }
        return writer.takeBytes()
    }

    private func write(_ diagnostic: Diagnostics.Diagnostic, to writer: inout JSONWriter) {
        writer.object { item in
            writeRange(diagnostic.range, named: "range", to: &item)
            item.member("severity", conversion.severity(diagnostic.severity).rawValue)
            item.member("code", diagnostic.code.rawValue)
            if let href = conversion.documentationLink(for: diagnostic.code) {
                item.object("codeDescription") { $0.member("href", href) }
            }
            item.member("source", "datalint")
            item.member("message", diagnostic.message)
            guard !diagnostic.related.isEmpty else { return }
            item.array("relatedInformation") { list in
                for information in diagnostic.related {
                    list.object { related in
                        related.object("location") { location in
                            location.member("uri", information.file.map(ProtocolConversion.fileURI) ?? conversion.uri)
                            writeRange(information.range, named: "range", to: &location)
                        }
                        related.member("message", information.message)
                    }
                }
            }
        }
    }

    private func writeRange(_ range: SourceRange, named name: StaticString, to writer: inout JSONWriter) {
        let start = conversion.position(range.start)
        let end = conversion.position(range.end)
        writer.object(name) { object in
            object.object("start") { $0.member("line", start.line); $0.member("character", start.character) }
            object.object("end") { $0.member("line", end.line); $0.member("character", end.character) }
        }
    }
}
