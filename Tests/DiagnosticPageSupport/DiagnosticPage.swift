#if canImport(Glibc)
import Glibc
#endif

/// A diagnostic family's page in `docs/`, read into what its tests hold to the truth: one section per code (a
/// `## family/code` heading), each with its stated default severity, the settings its examples run with, and its
/// **Bad** and **Fixed** ```` ```jsonl ```` examples.
///
/// The page is Markdown written for people, so the reader knows only the conventions the pages state: a line
/// `Default severity: **warning**`, a line `**Settings**: `key = value``, and a `**Bad**` or `**Fixed**` paragraph
/// labelling the `jsonl` blocks after it (a block is one file, a line one record). `docs/format.md` has more
/// structure (an index, a parity table) and a reader of its own.
public struct DiagnosticPage: Sendable {
    public struct Section: Sendable {
        public let code: String
        public internal(set) var severity: String?
        public internal(set) var settings: [String: String] = [:]
        /// Each bad example block, as its lines.
        public internal(set) var bad: [[String]] = []
        public internal(set) var fixed: [[String]] = []
    }

    public let text: String
    public let sections: [Section]

    /// The pages `docs/NAME.md` of `names`, one after another, found from the calling test file's path
    /// (`Tests/<Target>/<File>.swift`), so that tests run from any working directory.
    public static func load(_ names: String..., testFile: String = #filePath) throws -> DiagnosticPage {
        let root = testFile.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
        let texts = try names.map { try Self.read(root + "/docs/\($0).md") }
        return DiagnosticPage(markdown: texts.joined(separator: "\n"), families: names)
    }

    public init(markdown: String, families: [String]) {
        text = markdown
        var reader = Reader(headings: families.map { "## \($0)/" })
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) { reader.read(String(line)) }
        sections = reader.sections
    }

    /// Reads a UTF-8 file with the C library: test targets of Foundation-free modules do not link Foundation.
    private static func read(_ path: String) throws -> String {
        guard let file = fopen(path, "rb") else { throw PageError.cannotOpen(path) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

public enum PageError: Error, Equatable {
    case cannotOpen(String)
}

/// Reads a page line by line, remembering the section, the label and the fenced block it is in.
private struct Reader {
    let headings: [String]
    var sections: [DiagnosticPage.Section] = []
    private var label: String?
    private var block: [String]?

    init(headings: [String]) {
        self.headings = headings
    }

    mutating func read(_ line: String) {
        if headings.contains(where: line.hasPrefix) {
            sections.append(DiagnosticPage.Section(code: String(line.dropFirst(3))))
        } else if sections.isEmpty {
            return
        } else if line.hasPrefix("Default severity: **") {
            sections[sections.count - 1].severity = line.dropFirst(20).split(separator: "*").first.map(String.init)
        } else if line.hasPrefix("**Settings**: `") {
            let setting = line.dropFirst(15).dropLast().split(separator: "=", maxSplits: 1).map(Self.trimmed)
            if setting.count == 2 { sections[sections.count - 1].settings[setting[0]] = setting[1] }
        } else if line.hasPrefix("**Bad**") || line.hasPrefix("**Fixed**") {
            label = line.hasPrefix("**Bad**") ? "bad" : "fixed"
        } else if line == "```jsonl" {
            block = []
        } else if line == "```", let lines = block {
            if label == "bad" { sections[sections.count - 1].bad.append(lines) }
            if label == "fixed" { sections[sections.count - 1].fixed.append(lines) }
            block = nil
            label = nil
        } else if block != nil {
            block?.append(line)
        }
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
