import DatasetText
import Diagnostics

extension WaiverFile {
    /// `waiver/stale` diagnostics for the waivers read from the file that no diagnostic matched in this run.
    ///
    /// Only waivers whose file was checked (`checkedFiles`, relative to the waiver file's directory) and whose code
    /// could have been reported (`isCodeChecked`: false for codes that `--select`, `--ignore` or `off` kept out of
    /// the run) can be judged; the others are left alone. Each diagnostic is located at the waiver's line in the
    /// waiver file and offers removing that line as its fix.
    public func staleWaivers(checkedFiles: some Sequence<String>,
                             isCodeChecked: (DiagnosticCode) -> Bool = { _ in true }) -> [FileDiagnostic] {
        let checked = Set(checkedFiles.map(WaiverPaths.normalized))
        let document = TextDocument(bytes: originalBytes)
        return entries.compactMap { entry in
            guard checked.contains(entry.waiver.file), isCodeChecked(entry.waiver.code), !wasUsed(entry.waiver)
            else { return nil }
            return staleDiagnostic(for: entry.waiver, line: entry.line, in: document)
        }
    }

    private func staleDiagnostic(for waiver: Waiver, line: Int, in document: TextDocument) -> FileDiagnostic {
        let content = document.lineContent(line)
        let range = SourceRange(start: document.position(line: line, utf8Column: 0),
                                end: document.position(line: line, utf8Column: content.count))
        let message = "waiver for \(waiver.code) no longer matches any record in \(waiver.file) "
            + "(the record changed or the problem was fixed)"
        let removal = Fix(title: "Remove the stale waiver", edits: [TextEdit(range: wholeLine(line, in: document),
                                                                              newText: "")])
        let diagnostic = Diagnostic(code: WaiverCode.stale.code, severity: WaiverCode.stale.defaultSeverity,
                                    message: message, range: range, fixes: [removal])
        let excerpt = SourceExcerpt(text: UTF8Validation.displaySafe(content), startColumn: 0, isCutBefore: false,
                                    isCutAfter: false)
        return FileDiagnostic(file: path, diagnostic: diagnostic, excerpt: excerpt)
    }

    /// The line with its line ending, so that deleting the range removes the line.
    private func wholeLine(_ line: Int, in document: TextDocument) -> SourceRange {
        let start = document.position(line: line, utf8Column: 0)
        let end = document.position(line: line, utf8Column: document.lineContent(line).count)
        if line + 1 < document.lineCount || originalBytes.last == UInt8(ascii: "\n") {
            // Past the last line (when the file ends with a newline) is where editors put the end of the file.
            return SourceRange(start: start, end: SourcePosition(line: line + 1, utf8Column: 0, utf16Column: 0))
        }
        guard line > 0 else { return SourceRange(start: start, end: end) }
        // The last line has no line ending of its own: remove the one before it instead.
        let previousEnd = document.position(line: line - 1, utf8Column: document.lineContent(line - 1).count)
        return SourceRange(start: previousEnd, end: end)
    }
}
