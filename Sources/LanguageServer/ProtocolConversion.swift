import Foundation
import DatasetText
import Diagnostics
import LanguageServerProtocol

/// Turns datalint's positions and diagnostics into LSP's, in the position encoding the client chose.
struct ProtocolConversion: Sendable {
    let encoding: PositionEncoding
    let uri: String
    /// Where each code's documentation lives (`file:///…/docs/`), when known.
    let documentationBase: String?

    func position(_ position: SourcePosition) -> Position {
        Position(line: position.line, character: encoding == .utf8 ? position.utf8Column : position.utf16Column)
    }

    func range(_ range: SourceRange) -> LanguageServerProtocol.Range {
        LanguageServerProtocol.Range(start: position(range.start), end: position(range.end))
    }

    func diagnostic(_ diagnostic: Diagnostics.Diagnostic) -> LanguageServerProtocol.Diagnostic {
        let related = diagnostic.related.map { information in
            DiagnosticRelatedInformation(location: Location(uri: information.file.map(Self.fileURI) ?? uri,
                                                            range: range(information.range)),
                                         message: information.message)
        }
        return LanguageServerProtocol.Diagnostic(
            range: range(diagnostic.range), severity: severity(diagnostic.severity), code: diagnostic.code.rawValue,
            codeDescription: documentationLink(for: diagnostic.code).map(CodeDescription.init(href:)),
            source: "datalint", message: diagnostic.message, relatedInformation: related.isEmpty ? nil : related)
    }

    /// The code's section in its family's docs page.
    func documentationLink(for code: DiagnosticCode) -> String? {
        documentationBase.map { base in
            base + "\(code.family).md#" + CodeDescriptor(code, .error, "").documentationAnchor
        }
    }

    func textEdit(_ edit: Diagnostics.TextEdit) -> LanguageServerProtocol.TextEdit {
        LanguageServerProtocol.TextEdit(range: range(edit.range), newText: edit.newText)
    }

    func severity(_ severity: Severity) -> DiagnosticSeverity {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .information
        case .hint: .hint
        }
    }

    static func fileURI(_ path: String) -> String {
        path.hasPrefix("file://") ? path : "file://" + path
    }
}

/// File URIs and paths.
enum DocumentURI {
    /// The local path of a `file://` URI (percent-decoded, host ignored), or nil for other schemes.
    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }
}
