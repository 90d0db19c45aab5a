import FormatStage
import Foundation
import RecordScanner

/// `docs/format.md`, read into the parts its tests hold to the truth: one section per code (an `<a id>` anchor line
/// followed by a `## format/…` heading), each with its stated default severity and its **Bad** and **Fixed**
/// ```` ```jsonl ```` examples; the index of codes; the cookbook parity table; and every link into the page.
///
/// The page is Markdown written for people, so the parser knows only the few conventions the page states: a
/// `**Bad**` or `**Fixed**` paragraph labels the `jsonl` blocks after it, and a `toml` block before a section's first
/// label holds settings its examples run with.
struct FormatDocumentationPage {
    /// A ```` ```jsonl ```` block: the raw bytes of each of its lines, and where it starts for failure messages.
    struct Example {
        let lines: [[UInt8]]
        let pageLine: Int
    }

    /// The `[format]` settings a section's examples run with.
    struct ExampleSettings {
        var options = FormatOptions()
        var maxDepth = RecordScanner.defaultMaxDepth
    }

    struct CodeSection {
        let anchor: String
        let heading: String
        let pageLine: Int
        var severity: String?
        var badExamples: [Example] = []
        var fixedExamples: [Example] = []
        var settings = ExampleSettings()
        /// `jsonl` blocks with neither label before them: the test cannot know what they should produce.
        var unlabelledExamples: [Int] = []
    }

    struct IndexRow {
        let code: String
        let severity: String
        let summary: String
    }

    struct ParityRow {
        let cookbookCheck: String
        let codes: [String]
    }

    private(set) var sections: [CodeSection] = []
    /// `## format/…` headings with no anchor line before them (their anchor on GitHub would be `formatname`).
    private(set) var headingsWithoutAnchor: [String] = []
    /// Anchor lines not followed by a heading.
    private(set) var strayAnchors: [String] = []
    private(set) var indexRows: [IndexRow] = []
    private(set) var parityRows: [ParityRow] = []
    /// The fragment of every in-page link (`format-unknown-role` for `](#format-unknown-role)`).
    private(set) var linkFragments: [String] = []

    static let parityHeading = "OpenAI cookbook parity"

    /// The page, found from this file's path so the test runs from any working directory.
    static func load(filePath: String = #filePath) throws -> FormatDocumentationPage {
        let repository = URL(fileURLWithPath: filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: repository.appendingPathComponent("docs/format.md"), encoding: .utf8)
        return FormatDocumentationPage(markdown: text)
    }

    init(markdown: String) {
        var parser = Parser()
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            parser.read(String(line), pageLine: index + 1, into: &self)
        }
        parser.finish(into: &self)
    }

    func section(for code: FormatCode) -> CodeSection? {
        sections.first { $0.anchor == code.descriptor.documentationAnchor }
    }

    /// Reads the page line by line, remembering which section, label and fenced block it is in.
    private struct Parser {
        enum Label { case bad, fixed }

        var section: CodeSection?
        var pendingAnchor: String?
        var label: Label?
        var currentHeading = ""
        var fence: (language: String, pageLine: Int, lines: [String])?

        mutating func read(_ line: String, pageLine: Int, into page: inout FormatDocumentationPage) {
            if let open = fence {
                if line.hasPrefix("```") {
                    fence = nil
                    close(block: open.lines, language: open.language, pageLine: open.pageLine)
                } else {
                    fence?.lines.append(line)
                }
                return
            }
            if line.hasPrefix("```") {
                fence = (String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), pageLine, [])
                return
            }
            page.linkFragments += Self.linkFragments(in: line)
            if let anchor = Self.anchor(in: line) {
                pendingAnchor = anchor
            } else if line.hasPrefix("## ") {
                startSection(heading: String(line.dropFirst(3)), pageLine: pageLine, page: &page)
            } else if let anchor = pendingAnchor, !line.trimmingCharacters(in: .whitespaces).isEmpty {
                page.strayAnchors.append(anchor)
                pendingAnchor = nil
            } else if line.hasPrefix("Default severity: **") {
                section?.severity = line.dropFirst("Default severity: **".count).split(separator: "*").first.map(String.init)
            } else if line.hasPrefix("**Bad**") {
                label = .bad
            } else if line.hasPrefix("**Fixed**") {
                label = .fixed
            } else if line.hasPrefix("| [`format/") {
                let cells = Self.cells(of: line)
                if cells.count >= 3, let code = Self.codes(in: cells[0]).first {
                    page.indexRows.append(IndexRow(code: code, severity: cells[1], summary: cells[2]))
                }
            } else if currentHeading == FormatDocumentationPage.parityHeading, line.hasPrefix("| `") {
                let cells = Self.cells(of: line)
                if let check = cells.first?.split(separator: "`").first, let last = cells.last {
                    page.parityRows.append(ParityRow(cookbookCheck: String(check), codes: Self.codes(in: last)))
                }
            }
        }

        mutating func finish(into page: inout FormatDocumentationPage) {
            if let section { page.sections.append(section) }
            if let pendingAnchor { page.strayAnchors.append(pendingAnchor) }
        }

        private mutating func startSection(heading: String, pageLine: Int, page: inout FormatDocumentationPage) {
            if let section { page.sections.append(section) }
            section = nil
            label = nil
            currentHeading = heading
            if let anchor = pendingAnchor {
                section = CodeSection(anchor: anchor, heading: heading, pageLine: pageLine)
            } else if heading.hasPrefix("format/") {
                page.headingsWithoutAnchor.append(heading)
            }
            pendingAnchor = nil
        }

        private mutating func close(block: [String], language: String, pageLine: Int) {
            guard section != nil else { return }
            switch (language, label) {
            case ("jsonl", .bad?):
                section?.badExamples.append(Example(lines: block.map(Self.rawBytes), pageLine: pageLine))
            case ("jsonl", .fixed?):
                section?.fixedExamples.append(Example(lines: block.map(Self.rawBytes), pageLine: pageLine))
            case ("jsonl", nil):
                section?.unlabelledExamples.append(pageLine)
            case ("toml", nil):
                // Before the first label: settings the examples run with, as the page says.
                Self.apply(settings: block, to: &section!.settings)
            default:
                break
            }
        }

        /// The bytes an example line stands for: `\xHH` is one raw byte, so the page can show invalid UTF-8.
        /// A backslash pair (`\\`) is copied as it is, so `\\x41` in a JSON string stays an escaped backslash.
        static func rawBytes(_ line: String) -> [UInt8] {
            let text = Array(line.utf8)
            var bytes: [UInt8] = []
            var index = 0
            while index < text.count {
                if text[index] == UInt8(ascii: "\\"), index + 3 < text.count, text[index + 1] == UInt8(ascii: "x"),
                   let byte = UInt8(String(decoding: text[(index + 2)...(index + 3)], as: UTF8.self), radix: 16) {
                    bytes.append(byte)
                    index += 4
                } else if text[index] == UInt8(ascii: "\\"), index + 1 < text.count {
                    bytes += text[index...(index + 1)]
                    index += 2
                } else {
                    bytes.append(text[index])
                    index += 1
                }
            }
            return bytes
        }

        /// The `[format]` keys an example section may set: `max_depth = N` and string lists.
        static func apply(settings lines: [String], to settings: inout ExampleSettings) {
            for line in lines {
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { continue }
                let strings = parts[1].split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
                switch parts[0] {
                case "max_depth": settings.maxDepth = Int(parts[1]) ?? settings.maxDepth
                case "roles": settings.options.roles = strings
                case "extra_keys": settings.options.extraKeys = strings
                case "template_tokens": settings.options.templateTokens = strings
                default: break
                }
            }
        }

        static func anchor(in line: String) -> String? {
            let prefix = "<a id=\"", suffix = "\"></a>"
            guard line.hasPrefix(prefix), line.hasSuffix(suffix) else { return nil }
            return String(line.dropFirst(prefix.count).dropLast(suffix.count))
        }

        static func cells(of row: String) -> [String] {
            row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        /// Every `format/…` code written in backticks.
        static func codes(in text: String) -> [String] {
            text.split(separator: "`").map(String.init).filter { $0.hasPrefix("format/") }
        }

        static func linkFragments(in line: String) -> [String] {
            line.components(separatedBy: "](#").dropFirst().compactMap { rest in
                rest.split(separator: ")", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
            }
        }
    }
}
