import Diagnostics
import Foundation
import LengthStage
import Testing

/// Keeps docs/length.md true: a section for every code under the anchor diagnostics link to, with the code's default
/// severity, and bad and fixed example files — checked with the section's settings — that do what the page says.
@Suite struct LengthDocumentationTests {
    struct Section {
        let code: String
        var severity: String?
        var settings: [String: Double] = [:]
        var bad: [[String]] = []
        var fixed: [[String]] = []
    }

    let page: String
    let sections: [Section]

    init() throws {
        let root = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
        page = try String(contentsOfFile: root + "/docs/length.md", encoding: .utf8)
        var sections: [Section] = []
        var label: String?
        var block: [String]?
        for line in page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("## length/") {
                sections.append(Section(code: String(line.dropFirst(3))))
            } else if line.hasPrefix("Default severity: **"), !sections.isEmpty {
                sections[sections.count - 1].severity = line.dropFirst(20).split(separator: "*").first.map(String.init)
            } else if line.hasPrefix("**Settings**: `"), !sections.isEmpty {
                let setting = line.dropFirst(15).dropLast().split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                sections[sections.count - 1].settings[setting[0]] = Double(setting[1])
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

    func options(_ settings: [String: Double]) -> LengthOptions {
        var options = LengthOptions()
        for (key, value) in settings {
            switch key {
            case "max_tokens": options.maxTokens = Int(value)
            case "max_answer_tokens": options.maxAnswerTokens = Int(value)
            case "min_answer_tokens": options.minAnswerTokens = Int(value)
            case "outlier_min_samples": options.outliers.minSamples = Int(value)
            default: Issue.record("docs/length.md uses a setting the test does not know: \(key)")
            }
        }
        return options
    }

    @Test func everyCodeHasOneSectionUnderItsAnchorWithItsSeverity() {
        #expect(sections.map(\.code) == LengthCode.allCases.map(\.rawValue))
        for code in LengthCode.allCases {
            #expect(page.contains("<a id=\"\(code.descriptor.documentationAnchor)\"></a>"))
            #expect(sections.first { $0.code == code.rawValue }?.severity == code.defaultSeverity.rawValue)
        }
    }

    @Test func badExamplesGetTheirCodeAndFixedOnesNothing() throws {
        _ = try requireTokenizer()
        for section in sections {
            #expect(!section.bad.isEmpty && !section.fixed.isEmpty, "\(section.code) lacks an example")
            for file in section.bad {
                let codes = diagnoseFile(file, options: options(section.settings)).map(\.code.rawValue)
                #expect(codes == [section.code], "the bad example of \(section.code) gets \(codes)")
            }
            for file in section.fixed {
                let codes = diagnoseFile(file, options: options(section.settings)).map(\.code.rawValue)
                #expect(codes.isEmpty, "the fixed example of \(section.code) still gets \(codes)")
            }
        }
    }
}
