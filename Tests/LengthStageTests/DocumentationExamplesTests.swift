import Diagnostics
import DiagnosticPageSupport
import LengthStage
import Testing

/// Keeps docs/length.md true: a section for every code under the anchor diagnostics link to, with the code's default
/// severity, and bad and fixed example files — checked with the section's settings — that do what the page says.
@Suite struct LengthDocumentationTests {
    let page: DiagnosticPage
    var sections: [DiagnosticPage.Section] { page.sections }

    init() throws {
        page = try DiagnosticPage.load("length")
    }

    func options(_ settings: [String: String]) -> LengthOptions {
        var options = LengthOptions()
        for (key, text) in settings {
            guard let value = Int(text) else {
                Issue.record("docs/length.md sets \(key) to \(text), not a whole number")
                continue
            }
            switch key {
            case "max_tokens": options.maxTokens = value
            case "max_answer_tokens": options.maxAnswerTokens = value
            case "min_answer_tokens": options.minAnswerTokens = value
            case "outlier_min_samples": options.outliers.minSamples = value
            default: Issue.record("docs/length.md uses a setting the test does not know: \(key)")
            }
        }
        return options
    }

    @Test func everyCodeHasOneSectionUnderItsAnchorWithItsSeverity() {
        #expect(sections.map(\.code) == LengthCode.allCases.map(\.rawValue))
        for code in LengthCode.allCases {
            #expect(page.text.contains("<a id=\"\(code.descriptor.documentationAnchor)\"></a>"))
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
