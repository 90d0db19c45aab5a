#if canImport(Glibc)
import Glibc
#endif
import DiagnosticPageSupport
import Diagnostics
@testable import PIIStage
import Testing

/// docs/pii.md and docs/secret.md, each code's section on its own family's page; an example block's lines are
/// records checked one by one.
private func sections() throws -> [(code: String, bad: [String], fixed: [String])] {
    try DiagnosticPage.load("pii", "secret").sections.map { ($0.code, Array($0.bad.joined()), Array($0.fixed.joined())) }
}

@Test func everyCodeHasADocumentedSectionWithAnchor() throws {
    let documented = try sections().map(\.code)
    #expect(Set(documented) == Set(PIICode.allCases.map(\.rawValue)))
    for code in PIICode.allCases {
        // Each code's section is on its own family's page, where its documentation link points.
        let page = try DiagnosticPage.load(code.code.family)
        #expect(page.text.contains("<a id=\"\(code.descriptor.documentationAnchor)\"></a>"), "\(code.rawValue) has no anchor")
        #expect(code.descriptor.documentationPath == "docs/\(code.code.family).md")
    }
}

@Test func documentedBadExamplesGetTheirCodeAndFixedOnesNothing() throws {
    for section in try sections() {
        #expect(!section.bad.isEmpty && !section.fixed.isEmpty, "\(section.code) lacks examples")
        for line in section.bad {
            let found = check(line)
            #expect(found.map(\.code.rawValue) == [section.code], "\(section.code): \(found.map(\.message))")
            // The quick fix turns the bad example into the fixed one.
            if let diagnostic = found.first, let fixed = section.fixed.first {
                #expect(applyingFix(diagnostic, to: line) == fixed, "\(section.code)")
            }
        }
        for line in section.fixed {
            #expect(check(line).isEmpty, "\(section.code) fixed example still reports")
        }
    }
}
