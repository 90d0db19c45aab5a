import Diagnostics
import FormatStage
import Testing

/// Keeps `docs/format.md` true: a section for every code and for nothing else, anchored where
/// `CodeDescriptor.documentationAnchor` links, and examples that do what the page says they do.
@Suite struct DocumentationExamplesTests {
    let page: FormatDocumentationPage

    init() throws {
        page = try FormatDocumentationPage.load()
    }

    @Test func everyCodeHasExactlyOneSectionUnderItsAnchor() {
        for code in FormatCode.allCases {
            let sections = page.sections.filter { $0.anchor == code.descriptor.documentationAnchor }
            #expect(sections.count == 1, "\(code.rawValue): \(sections.count) sections with anchor \(code.descriptor.documentationAnchor)")
            #expect(sections.first?.heading == code.rawValue, "the section anchored \(code.descriptor.documentationAnchor) is headed \(sections.first?.heading ?? "nothing")")
        }
    }

    @Test func noSectionDocumentsACodeThatDoesNotExist() {
        let anchors = Set(FormatCode.allCases.map(\.descriptor.documentationAnchor))
        let unknown = page.sections.map(\.anchor).filter { !anchors.contains($0) }
        #expect(unknown.isEmpty, "sections for codes FormatCode does not have: \(unknown)")
        // A code heading without its anchor line would be linked as `formatunknown-role` by GitHub, not as the
        // anchor the diagnostics point to.
        #expect(page.headingsWithoutAnchor.isEmpty, "code headings without an anchor line: \(page.headingsWithoutAnchor)")
        #expect(page.strayAnchors.isEmpty, "anchor lines not followed by a heading: \(page.strayAnchors)")
    }

    @Test func sectionsFollowTheOrderOfFormatCode() {
        #expect(page.sections.map(\.anchor) == FormatCode.allCases.map(\.descriptor.documentationAnchor))
    }

    @Test(arguments: FormatCode.allCases)
    func sectionStatesTheDefaultSeverity(_ code: FormatCode) throws {
        let section = try section(for: code)
        #expect(section.severity == code.defaultSeverity.rawValue,
                "docs/format.md:\(section.pageLine) says \(section.severity ?? "nothing"), the code's default is \(code.defaultSeverity.rawValue)")
    }

    @Test(arguments: FormatCode.allCases)
    func badExamplesProduceTheirCode(_ code: FormatCode) throws {
        let section = try section(for: code)
        #expect(!section.badExamples.isEmpty, "docs/format.md:\(section.pageLine): no **Bad** example")
        #expect(section.unlabelledExamples.isEmpty, "docs/format.md: jsonl blocks with no **Bad**/**Fixed** label at lines \(section.unlabelledExamples)")
        for example in section.badExamples {
            let found = run(example, section.settings).map(\.code.rawValue)
            #expect(found.contains(code.rawValue), "docs/format.md:\(example.pageLine): the bad example produces \(found), not \(code.rawValue)")
        }
    }

    @Test(arguments: FormatCode.allCases)
    func fixedExamplesProduceNoDiagnostics(_ code: FormatCode) throws {
        let section = try section(for: code)
        #expect(!section.fixedExamples.isEmpty, "docs/format.md:\(section.pageLine): no **Fixed** example")
        for example in section.fixedExamples {
            let found = run(example, section.settings).map { "\($0.code.rawValue): \($0.message)" }
            #expect(found.isEmpty, "docs/format.md:\(example.pageLine): the fixed example still produces \(found)")
        }
    }

    @Test func indexListsEveryCodeWithItsSeverityAndSummary() {
        #expect(page.indexRows.map(\.code) == FormatCode.allCases.map(\.rawValue))
        for row in page.indexRows {
            guard let code = FormatCode(rawValue: row.code) else { continue }
            #expect(row.severity == code.defaultSeverity.rawValue, "index row \(row.code): severity \(row.severity)")
            #expect(row.summary == code.summary, "index row \(row.code): summary differs from FormatCode.summary")
        }
    }

    @Test func everyLinkToACodeLeadsToItsSection() {
        let anchors = Set(page.sections.map(\.anchor))
        let broken = page.linkFragments.filter { $0.hasPrefix("format-") && !anchors.contains($0) }
        #expect(broken.isEmpty, "links to anchors the page does not have: \(broken)")
    }

    @Test func cookbookParityTableMatchesTheParityTests() {
        let table = Dictionary(page.parityRows.map { ($0.cookbookCheck, $0.codes) }) { first, _ in first }
        #expect(page.parityRows.map(\.cookbookCheck) == CookbookCheck.allCases.map(\.rawValue))
        for check in CookbookCheck.allCases {
            #expect(table[check.rawValue] == check.coveringCodes.map(\.rawValue), "parity row \(check.rawValue)")
        }
    }

    /// The code's section; a missing one fails the test with its anchor rather than a dump of the whole page.
    private func section(for code: FormatCode) throws -> FormatDocumentationPage.CodeSection {
        let found = page.section(for: code)
        return try #require(found, "docs/format.md has no section anchored \(code.descriptor.documentationAnchor)")
    }

    private func run(_ example: FormatDocumentationPage.Example, _ settings: FormatDocumentationPage.ExampleSettings) -> [Diagnostic] {
        diagnoseFile(byteLines: example.lines, options: settings.options, maxDepth: settings.maxDepth)
    }
}
