import Diagnostics
import LanguageServerProtocol

/// Turns the fixes attached to diagnostics into LSP code actions against one exact document version.
struct CodeActionBuilder: Sendable {
    let uri: String
    let version: Int
    let conversion: ProtocolConversion
    /// Whether the client takes `documentChanges` (versioned edits it can refuse when stale).
    let supportsDocumentChanges: Bool

    static let quickFix = "quickfix"
    static let fixAll = "source.fixAll.datalint"

    /// One quick fix per fix of each diagnostic whose range meets `range`.
    func quickFixes(for diagnostics: [Diagnostics.Diagnostic], in range: LanguageServerProtocol.Range) -> [CodeAction] {
        diagnostics.filter { overlaps(conversion.range($0.range), range) }.flatMap { diagnostic in
            diagnostic.fixes.map { fix in
                CodeAction(title: fix.title, kind: Self.quickFix, diagnostics: [conversion.diagnostic(diagnostic)],
                           isPreferred: fix.isPreferred, edit: edit(fix.edits))
            }
        }
    }

    /// Every preferred fix of the document in one edit, chosen as `datalint check --fix` chooses them.
    func fixAll(_ diagnostics: [Diagnostics.Diagnostic]) -> CodeAction? {
        let chosen = FixSelection.nonOverlapping(diagnostics.compactMap(\.preferredFix)).chosen.flatMap(\.edits)
        guard !chosen.isEmpty else { return nil }
        return CodeAction(title: "Fix all datalint problems with a safe fix", kind: Self.fixAll, diagnostics: nil,
                          isPreferred: true, edit: edit(chosen))
    }

    func edit(_ edits: [Diagnostics.TextEdit]) -> WorkspaceEdit {
        let converted = edits.map(conversion.textEdit)
        if supportsDocumentChanges {
            return WorkspaceEdit(documentChanges: [TextDocumentEdit(
                textDocument: OptionalVersionedTextDocumentIdentifier(uri: uri, version: version), edits: converted)])
        }
        return WorkspaceEdit(changes: [uri: converted])
    }

    private func overlaps(_ a: LanguageServerProtocol.Range, _ b: LanguageServerProtocol.Range) -> Bool {
        !(a.end < b.start || b.end < a.start)
    }
}
