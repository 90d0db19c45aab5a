import DatasetText
import Diagnostics
import Jansson
import JSONRPC
import LanguageServerProtocol
import Testing
@testable import LanguageServer

/// The hand-written publishDiagnostics body must say exactly what the typed Codable path says.
@Suite struct PublishDiagnosticsWriterTests {
    func sampleDiagnostics() -> [Diagnostics.Diagnostic] {
        let start = SourcePosition(line: 3, utf8Column: 10, utf16Column: 8)
        let end = SourcePosition(line: 3, utf8Column: 18, utf16Column: 14)
        return [
            Diagnostics.Diagnostic(code: "format/unknown-role", severity: .error,
                                   message: "unknown role \"assitant\"; did you mean \"assistant\"?\tñ 👋",
                                   range: SourceRange(start: start, end: end)),
            Diagnostics.Diagnostic(code: "format/identical-preference", severity: .warning, message: "same",
                                   range: SourceRange(start: start, end: end),
                                   related: [RelatedInformation(range: SourceRange(start: start, end: start), message: "here"),
                                             RelatedInformation(file: "/data/other file.jsonl",
                                                                range: SourceRange(start: end, end: end), message: "there")]),
        ]
    }

    @Test(arguments: [PositionEncoding.utf8, .utf16], [true, false])
    func writerMatchesTheTypedEncoding(encoding: PositionEncoding, withDocumentation: Bool) throws {
        let conversion = ProtocolConversion(encoding: encoding, uri: "file:///data/a.jsonl",
                                            documentationBase: withDocumentation ? "file:///docs/" : nil)
        let diagnostics = sampleDiagnostics()
        let written = try JSONValue.decode(PublishDiagnosticsWriter(conversion: conversion).body(version: 4, diagnostics: diagnostics))
        let typed = try JSONValueEncoder().encode(PublishDiagnosticsParams(uri: conversion.uri, version: 4,
                                                                           diagnostics: diagnostics.map(conversion.diagnostic)))
        #expect(written["method"]?.stringValue == "textDocument/publishDiagnostics")
        #expect(written["params"].map(canonical) == canonical(typed))
    }

    /// Objects compared without regard to member order.
    func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            .object(JSONObject(object.members.sorted { $0.key < $1.key }.map { ($0.key, canonical($0.value)) }))
        case .array(let elements):
            .array(elements.map(canonical))
        default:
            value
        }
    }
}
