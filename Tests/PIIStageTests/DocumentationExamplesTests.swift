#if canImport(Glibc)
import Glibc
#endif
import Diagnostics
@testable import PIIStage
import Testing

/// One code's section of docs/pii.md: its bad and fixed example lines.
private struct Section {
    let code: String
    var bad: [String] = []
    var fixed: [String] = []
}

/// The docs folder, found from this file: Tests/PIIStageTests/ → repository root.
private let docsDirectory = String(#filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3)
    .joined(separator: "/")) + "/docs/"

/// Each family's page: docs/pii.md and docs/secret.md.
private func pageText(for family: String) throws -> String {
    try String(contentsOfFilePath: docsDirectory + family + ".md")
}

private func sections() throws -> [Section] {
    let text = try pageText(for: "pii") + "\n" + pageText(for: "secret")
    var result: [Section] = []
    var expecting: String?
    var inBlock = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        if line.hasPrefix("## pii/") || line.hasPrefix("## secret/") {
            result.append(Section(code: String(line.dropFirst(3))))
        } else if line.hasPrefix("**Bad**") {
            expecting = "bad"
        } else if line.hasPrefix("**Fixed**") {
            expecting = "fixed"
        } else if line == "```jsonl" {
            inBlock = true
        } else if line == "```" {
            inBlock = false
            expecting = nil
        } else if inBlock, !result.isEmpty, let expecting {
            if expecting == "bad" { result[result.count - 1].bad.append(line) } else { result[result.count - 1].fixed.append(line) }
        }
    }
    return result
}

@Test func everyCodeHasADocumentedSectionWithAnchor() throws {
    let documented = try sections().map(\.code)
    #expect(Set(documented) == Set(PIICode.allCases.map(\.rawValue)))
    for code in PIICode.allCases {
        // Each code's section is on its own family's page, where its documentation link points.
        let page = try pageText(for: code.code.family)
        #expect(page.contains("<a id=\"\(code.descriptor.documentationAnchor)\"></a>"), "\(code.rawValue) has no anchor")
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

extension String {
    /// Reads a UTF-8 file without Foundation.
    init(contentsOfFilePath path: String) throws {
        guard let file = fopen(path, "rb") else { throw DocumentError.cannotOpen(path) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[..<count])
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

enum DocumentError: Error { case cannotOpen(String) }
