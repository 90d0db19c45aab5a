import DatasetText
import Diagnostics
import RecordScanner

/// The record being checked and the diagnostics found on it so far; shared by the schema checkers.
struct RecordInspection {
    let record: ParsedRecord
    let templateTokens: TemplateTokenFinder
    var diagnostics: [Diagnostic] = []

    mutating func report(_ code: FormatCode, _ message: String, span: Range<Int>, fixes: [Fix] = [],
                         related: [RelatedInformation] = []) {
        diagnostics.append(Diagnostic(code: code.code, severity: code.defaultSeverity, message: message,
                                      range: record.range(of: span), related: related, fixes: fixes))
    }

    mutating func report(_ code: FormatCode, _ message: String, node: Int, fixes: [Fix] = [],
                         related: [RelatedInformation] = []) {
        report(code, message, span: record[node].span, fixes: fixes, related: related)
    }

    /// A fix that replaces a string value with `replacement`, keeping the JSON valid.
    func replaceString(_ node: Int, with replacement: String, title: String) -> Fix {
        Fix(title: title, edits: [TextEdit(range: record.range(ofNode: node), newText: JSONStringEscaping.quoted(replacement))])
    }

    /// A fix that deletes the record's whole line.
    func deleteLine(title: String) -> Fix {
        let line = record.lineNumber
        let start = SourcePosition(line: line, utf8Column: 0, utf16Column: 0)
        let next = SourcePosition(line: line + 1, utf8Column: 0, utf16Column: 0)
        return Fix(title: title, edits: [TextEdit(range: SourceRange(start: start, end: next), newText: "")])
    }

    /// Describes a node's kind for "found …" messages.
    func kindName(_ node: Int) -> String { record[node].kind.nameWithArticle }

    /// Checks a content string: blank content and leaked template tokens. `what` names the string in messages;
    /// it is evaluated only for a diagnostic, as nearly every string passes.
    mutating func checkText(_ node: Int, what: @autoclosure () -> String, allowBlank: Bool = false) {
        if !allowBlank && record.isBlankString(node) {
            let blank = record.decodedLength(node) == 0 ? "empty" : "only white space"
            report(.emptyContent, "\(what()) is \(blank)", node: node)
        }
        if let hit = templateTokens.firstToken(in: record, node: node) {
            report(.templateToken, "chat-template token \(hit.token) in \(what()): templates add these when training, so data must not contain them",
                   span: hit.span)
        }
    }
}

