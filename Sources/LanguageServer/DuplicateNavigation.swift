import DatasetText
import Diagnostics
import DuplicateStage
import JSONRPC
import LanguageServerProtocol

/// A record's duplicates, as the document's `dup/…` diagnostics link them: the record it repeats (the one kept, or
/// a record of another file) and the records that repeat it. What `textDocument/references` lists and the hover
/// summarizes.
struct DuplicateNeighbours {
    struct Neighbour {
        /// nil: this document.
        let file: String?
        let range: SourceRange
        let note: String
    }

    var neighbours: [Neighbour] = []
    /// What the record's own duplicate diagnostics say.
    var findings: [String] = []

    init(line: Int, in document: AnalyzedDocument) {
        let all = document.duplicates.diagnostics + document.duplicates.crossFileDiagnostics
        // Records that repeat one another; a conflicting answer or the editor's summary is no duplicate.
        let linking: Set<DiagnosticCode> = Set([DuplicateCode.exact, .prompt, .near, .crossFile, .leakage].map(\.code))
        for diagnostic in all where diagnostic.code == DuplicateCode.conflictingAnswers.code && diagnostic.line == line {
            findings.append(diagnostic.message)
        }
        for diagnostic in all where linking.contains(diagnostic.code) {
            if diagnostic.line == line {
                findings.append(diagnostic.message)
                for related in diagnostic.related {
                    neighbours.append(Neighbour(file: related.file, range: related.range, note: related.message))
                }
                // Members of the same group point at the same kept record of this file.
                guard let kept = diagnostic.related.first, kept.file == nil else { continue }
                for sibling in all where sibling.line != line && sibling.code == diagnostic.code {
                    guard let theirs = sibling.related.first, theirs.file == nil,
                          theirs.range.start.line == kept.range.start.line else { continue }
                    neighbours.append(Neighbour(file: nil, range: sibling.range, note: "another member of the group"))
                }
            } else if diagnostic.related.contains(where: { $0.file == nil && $0.range.start.line == line }) {
                neighbours.append(Neighbour(file: nil, range: diagnostic.range, note: diagnostic.message))
            }
        }
        var seen = Set<String>()
        neighbours = neighbours.filter { seen.insert("\($0.file ?? "")#\($0.range.start.line)").inserted }
            .sorted { ($0.file ?? "", $0.range.start.line) < ($1.file ?? "", $1.range.start.line) }
    }

    /// The hover's section, or nil when the record has no duplicates.
    var markdown: String? {
        guard !findings.isEmpty || !neighbours.isEmpty else { return nil }
        var lines = ["**Duplicates**"]
        for finding in findings { lines.append("- \(finding)") }
        let repeating = neighbours.filter { $0.file == nil }.count
        if findings.isEmpty {
            lines.append("- kept: \(repeating) other record\(repeating == 1 ? "" : "s") of this file repeat\(repeating == 1 ? "s" : "") it "
                         + "(Find References lists them)")
        }
        return lines.joined(separator: "\n")
    }
}

extension FeatureRequests {
    static func references(_ context: RequestContext, _ params: ReferenceParams) async throws(ResponseError) -> [Location] {
        let uri = params.textDocument.uri
        guard let document = await context.workspace.snapshot(of: uri) else { return [] }
        let conversion = await context.workspace.conversion(for: uri)
        let line = params.position.line
        guard line >= 0, line < document.lines.count else { return [] }
        let found = DuplicateNeighbours(line: line, in: document)
        var locations = found.neighbours.map { neighbour in
            Location(uri: neighbour.file.map(ProtocolConversion.fileURI) ?? uri, range: conversion.range(neighbour.range))
        }
        if params.context?.includeDeclaration ?? true, !locations.isEmpty {
            let end = document.lines.content(line).count
            let utf16End = String(decoding: document.lines.content(line), as: UTF8.self).utf16.count
            let own = SourceRange(start: SourcePosition(line: line, utf8Column: 0, utf16Column: 0),
                                  end: SourcePosition(line: line, utf8Column: end, utf16Column: utf16End))
            locations.insert(Location(uri: uri, range: conversion.range(own)), at: 0)
        }
        return locations
    }
}
