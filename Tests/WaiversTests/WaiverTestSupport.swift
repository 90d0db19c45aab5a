import DatasetText
import Diagnostics
import Foundation
import Waivers

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path.split(separator: "/").reduce("") { $0 + "/" + $1 }
            + "/datalint-waiver-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> String {
        let file = path + "/" + relativePath
        let parent = URL(fileURLWithPath: file).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func read(_ relativePath: String) throws -> String {
        try String(decoding: Data(contentsOf: URL(fileURLWithPath: path + "/" + relativePath)), as: UTF8.self)
    }

    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}

/// A diagnostic a stand-in checker found on a record: what a real run hands to the waiver file.
struct FoundProblem: Equatable {
    let line: Int
    let code: DiagnosticCode
    let record: RecordHash
}

/// A stand-in for a check run: `format/unknown-key` on every record with a `mood` key, and `format/empty-content`
/// on every record whose content is empty; hashed the way the checker hashes records.
func check(_ dataset: String) -> [FoundProblem] {
    let document = TextDocument(dataset)
    return (0..<document.lineCount).flatMap { line -> [FoundProblem] in
        let content = document.lineContent(line)
        let text = String(decoding: content, as: UTF8.self)
        let record = RecordHash.of(content)
        var found: [FoundProblem] = []
        if text.contains("\"mood\"") { found.append(FoundProblem(line: line, code: "format/unknown-key", record: record)) }
        if text.contains("\"content\":\"\"") {
            found.append(FoundProblem(line: line, code: "format/empty-content", record: record))
        }
        return found
    }
}

func parse(_ text: String, path: String = "lint/.datalint-waivers") throws(WaiverFileError) -> WaiverFile {
    try WaiverFile(path: path, bytes: Array(text.utf8))
}

/// The problems parsing `text` reports, as `path:line:column: message`.
func parseProblems(_ text: String) -> [String] {
    do {
        _ = try parse(text)
        return []
    } catch {
        return error.problems.map(\.description)
    }
}
