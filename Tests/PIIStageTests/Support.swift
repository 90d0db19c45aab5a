import Diagnostics
@testable import PIIStage
import RecordScanner
import Testing

/// Runs the stage over one line and returns its diagnostics.
func check(_ line: String) -> [Diagnostic] {
    var scanner = RecordScanner()
    let record = scanner.scan(Array(line.utf8))
    #expect(record.isValidJSON, "test line is not valid JSON: \(line)")
    var diagnostics: [Diagnostic] = []
    _ = PIIStage().check(record, into: &diagnostics)
    return diagnostics
}

/// The raw text of the line that a diagnostic's range covers.
func covered(_ diagnostic: Diagnostic, in line: String) -> String {
    let bytes = Array(line.utf8)
    return String(decoding: bytes[diagnostic.range.start.utf8Column..<diagnostic.range.end.utf8Column], as: UTF8.self)
}

/// The line after applying a diagnostic's fix.
func applyingFix(_ diagnostic: Diagnostic, to line: String) -> String {
    let edit = diagnostic.fixes[0].edits[0]
    let bytes = Array(line.utf8)
    return String(decoding: bytes[..<edit.range.start.utf8Column], as: UTF8.self) + edit.newText
        + String(decoding: bytes[edit.range.end.utf8Column...], as: UTF8.self)
}

/// A record with `text` as the content of a user message, escaped as JSON.
func chat(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": escaped += "\\\""
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return #"{"messages": [{"role": "user", "content": ""# + escaped + #""}]}"#
}

/// Codes found in a chat message holding `text`.
func codes(_ text: String) -> [String] {
    check(chat(text)).map(\.code.rawValue)
}

/// The single diagnostic for `text`, with what it covers in the decoded message (the test texts need no
/// escapes, so raw and decoded agree).
func single(_ text: String) -> (diagnostic: Diagnostic, covered: String)? {
    let line = chat(text)
    let found = check(line)
    guard found.count == 1 else {
        Issue.record("expected one diagnostic for \(text), got \(found.map { "\($0.code) \($0.message)" })")
        return nil
    }
    return (found[0], covered(found[0], in: line))
}
