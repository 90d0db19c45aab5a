import Foundation
import Testing

@Suite struct ExitStatusTests {
    @Test func cleanDatasetExitsZeroAndSaysSo() throws {
        let scratch = try Scratch()
        let file = try scratch.write("clean.jsonl", Records.good + "\n" + Records.otherGood + "\n")
        let result = try Datalint.run(["check", file])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("no problems found in 1 file, 2 records"))
    }

    @Test func errorsExitOne() throws {
        let scratch = try Scratch()
        let file = try scratch.write("typo.jsonl", Records.typo + "\n")
        let result = try Datalint.run(["check", file])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("typo.jsonl:1:53: error[format/unknown-role]"))
    }

    @Test func failOnWarningFailsForWarningsAndNeverNeverFails() throws {
        let scratch = try Scratch()
        let file = try scratch.write("token.jsonl", Records.templateToken + "\n")
        #expect(try Datalint.run(["check", file]).status == 0)
        #expect(try Datalint.run(["check", "--fail-on", "warning", file]).status == 1)
        let typo = try scratch.write("typo.jsonl", Records.typo + "\n")
        #expect(try Datalint.run(["check", "--fail-on", "never", typo]).status == 0)
    }

    @Test func usageErrorsExitTwoWithAMessage() throws {
        let result = try Datalint.run(["check", "--format", "xml", "x.jsonl"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("unknown format 'xml'"))
        let unknownCode = try Datalint.run(["check", "--select", "format/unknwn-role", "x.jsonl"])
        #expect(unknownCode.status == 2)
        #expect(unknownCode.standardError.contains("names no diagnostic code"))
    }

    @Test func selectAndIgnoreFilterByCodeAndFamily() throws {
        let scratch = try Scratch()
        let file = try scratch.write("mixed.jsonl", Records.typo + "\n\n" + Records.templateToken + "\n")
        let onlyTokens = try jsonLines(try Datalint.run(["check", "--format", "json", "--select", "format/template-token", file]).standardOutput)
        #expect(onlyTokens.map { $0["code"] as? String } == ["format/template-token"])
        let ignored = try jsonLines(try Datalint.run(["check", "--format", "json", "--ignore", "format/unknown-role,format/no-assistant", file]).standardOutput)
        #expect(Set(ignored.compactMap { $0["code"] as? String }) == ["format/empty-line", "format/template-token"])
        let family = try Datalint.run(["check", "--format", "json", "--ignore", "format", file])
        #expect(family.standardOutput.isEmpty)
        #expect(family.status == 0)
    }

    @Test func manyFilesAreCheckedInOrderAndCounted() throws {
        let scratch = try Scratch()
        let first = try scratch.write("data/a.jsonl", Records.typo + "\n")
        _ = try scratch.write("data/sub/b.jsonl", Records.good + "\n" + Records.typo + "\n")
        _ = try scratch.write("data/notes.txt", "not a dataset")
        let result = try Datalint.run(["check", "--format", "json", scratch.url.appendingPathComponent("data").path])
        let files = try jsonLines(result.standardOutput).compactMap { $0["file"] as? String }
        #expect(files.first == first)
        #expect(files.last?.hasSuffix("data/sub/b.jsonl") == true)
        #expect(result.standardError.contains("2 files, 3 records"))
    }

    @Test func parallelAndSerialChecksReportTheSameInTheSameOrder() throws {
        let scratch = try Scratch()
        var lines: [String] = []
        for index in 0..<20_000 {
            lines.append(index % 97 == 0 ? Records.typo : index % 89 == 0 ? "" : Records.good)
        }
        let file = try scratch.write("big.jsonl", lines.joined(separator: "\n") + "\n")
        let serial = try Datalint.run(["check", "--format", "json", "--jobs", "1", file])
        let parallel = try Datalint.run(["check", "--format", "json", "--jobs", "4", file])
        #expect(serial.standardOutput == parallel.standardOutput)
        #expect(try jsonLines(serial.standardOutput).count > 400)
    }
}
