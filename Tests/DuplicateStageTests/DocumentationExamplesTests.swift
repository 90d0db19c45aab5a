import Diagnostics
import DuplicateStage
import Foundation
import Testing

/// Keeps docs/dup.md true: a section for every code under the anchor diagnostics link to, with the code's default
/// severity, and bad and fixed example files that do what the page says (a block is one file).
@Suite struct DuplicateDocumentationTests {
    struct Section {
        let code: String
        var severity: String?
        var bad: [[String]] = []
        var fixed: [[String]] = []
    }

    let page: String
    let sections: [Section]

    init() throws {
        let root = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
        page = try String(contentsOfFile: root + "/docs/dup.md", encoding: .utf8)
        var sections: [Section] = []
        var label: String?
        var block: [String]?
        for line in page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("## dup/") {
                sections.append(Section(code: String(line.dropFirst(3))))
            } else if line.hasPrefix("Default severity: **"), !sections.isEmpty {
                sections[sections.count - 1].severity = line.dropFirst(20).split(separator: "*").first.map(String.init)
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
        self.sections = sections
    }

    @Test func everyCodeHasOneSectionUnderItsAnchorWithItsSeverity() {
        #expect(sections.map(\.code) == DuplicateCode.allCases.map(\.rawValue))
        for code in DuplicateCode.allCases {
            #expect(page.contains("<a id=\"\(code.descriptor.documentationAnchor)\"></a>"))
            #expect(sections.first { $0.code == code.rawValue }?.severity == code.defaultSeverity.rawValue)
        }
    }

    @Test func badExamplesGetTheirCodeAndFixedOnesDoNot() {
        for section in sections {
            for file in section.bad {
                #expect(diagnoseFile(file).contains { $0.code.rawValue == section.code }, "a bad example of \(section.code) is not reported")
            }
            for file in section.fixed {
                let codes = diagnoseFile(file).map(\.code.rawValue)
                #expect(codes.isEmpty, "a fixed example of \(section.code) still gets \(codes)")
            }
        }
        let withinFile = DuplicateCode.allCases.filter { ![.crossFile, .leakage, .notShown].contains($0) }
        #expect(withinFile.allSatisfy { code in sections.contains { $0.code == code.rawValue && !$0.bad.isEmpty } })
    }
}
