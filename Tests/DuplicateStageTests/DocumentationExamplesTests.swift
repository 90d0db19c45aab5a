import Diagnostics
import DiagnosticPageSupport
import DuplicateStage
import Testing

/// Keeps docs/dup.md true: a section for every code under the anchor diagnostics link to, with the code's default
/// severity, and bad and fixed example files that do what the page says (a block is one file).
@Suite struct DuplicateDocumentationTests {
    let page: DiagnosticPage
    var sections: [DiagnosticPage.Section] { page.sections }

    init() throws {
        page = try DiagnosticPage.load("dup")
    }

    @Test func everyCodeHasOneSectionUnderItsAnchorWithItsSeverity() {
        #expect(sections.map(\.code) == DuplicateCode.allCases.map(\.rawValue))
        for code in DuplicateCode.allCases {
            #expect(page.text.contains("<a id=\"\(code.descriptor.documentationAnchor)\"></a>"))
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
