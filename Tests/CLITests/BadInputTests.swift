import Foundation
import Testing

/// Hostile and broken inputs: each gives a clear diagnostic or error with its place, never a crash or a hang.
@Suite struct BadInputTests {
    @Test func missingFileIsAnErrorNamingThePath() throws {
        let result = try Datalint.run(["check", "/no/such/dataset.jsonl"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("/no/such/dataset.jsonl: no such file"))
    }

    @Test func directoryWithoutDatasetsIsAnError() throws {
        let scratch = try Scratch()
        try scratch.write("empty/readme.txt", "hello")
        let result = try Datalint.run(["check", scratch.url.appendingPathComponent("empty").path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("no dataset files"))
    }

    @Test func emptyFileHasNoRecordsAndNoProblems() throws {
        let scratch = try Scratch()
        let file = try scratch.write("empty.jsonl", "")
        let result = try Datalint.run(["check", file])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("no problems found in 1 file, 0 records"))
    }

    @Test func binaryFileIsRefusedWithTheFirstNULLocated() throws {
        let scratch = try Scratch()
        var bytes: [UInt8] = Array("PK".utf8) + [3, 4, 20, 0, 0, 0, 8, 0]
        for index in 0..<4000 { bytes.append(UInt8(truncatingIfNeeded: index * 7)) }
        let file = try scratch.write("archive.jsonl", bytes: bytes)
        let result = try Datalint.run(["check", file])
        #expect(result.status == 2)
        #expect(result.standardError.contains("archive.jsonl:1:6: this is binary data"))
    }

    @Test func strayNULByteIsADiagnosticAtItsByte() throws {
        let scratch = try Scratch()
        let line = Array(#"{"messages":[{"role":"user","content":"a"#.utf8) + [0] + Array(#""}]}"#.utf8)
        let file = try scratch.write("nul.jsonl", bytes: Array((Records.good + "\n").utf8) + line + [0x0A])
        let result = try Datalint.run(["check", "--format", "json", file])
        let found = try jsonLines(result.standardOutput)
        #expect(found.first?["code"] as? String == "format/invalid-json")
        #expect(found.first?["line"] as? Int == 2)
        #expect(found.first?["column"] as? Int == 41)
    }

    @Test func invalidUTF8IsReportedAtTheBadByte() throws {
        let scratch = try Scratch()
        let line = Array(#"{"prompt":"caf"#.utf8) + [0xC3, 0x28] + Array(#"","completion":"x"}"#.utf8)
        let file = try scratch.write("latin.jsonl", bytes: line + [0x0A])
        let found = try jsonLines(try Datalint.run(["check", "--format", "json", file]).standardOutput)
        #expect(found.first?["code"] as? String == "format/invalid-utf8")
        #expect(found.first?["column"] as? Int == 15)
    }

    @Test func hundredThousandNestedBracketsAreTooDeepNotACrash() throws {
        let scratch = try Scratch()
        let file = try scratch.write("deep.jsonl", String(repeating: "[", count: 100_000) + "\n" + Records.good + "\n")
        let result = try Datalint.run(["check", "--format", "json", file])
        #expect(result.status == 1)
        let found = try jsonLines(result.standardOutput)
        #expect(found.map { $0["code"] as? String } == ["format/too-deep"])
        #expect(found.first?["column"] as? Int == 2049)
    }

    @Test func fiftyMegabyteLineIsCheckedWhole() throws {
        let scratch = try Scratch()
        let long = String(repeating: "lorem ipsum ", count: 50 * 1_048_576 / 12)
        let record = #"{"messages":[{"role":"user","content":"\#(long)"},{"role":"assitant","content":"x"}]}"#
        let file = try scratch.write("long.jsonl", record + "\n" + Records.typo + "\n")
        let result = try Datalint.run(["check", "--format", "json", "--select", "format/unknown-role", file])
        let found = try jsonLines(result.standardOutput)
        #expect(found.compactMap { $0["line"] as? Int } == [1, 2])
        #expect(found.first?["column"] as? Int == record.utf8.count - 26)
    }

    @Test func unterminatedLastLineWithoutNewlineIsStillARecord() throws {
        let scratch = try Scratch()
        let file = try scratch.write("cut.jsonl", Records.good + "\n" + #"{"messages":[{"role":"user","con"#)
        let found = try jsonLines(try Datalint.run(["check", "--format", "json", file]).standardOutput)
        #expect(found.first?["code"] as? String == "format/invalid-json")
        #expect(found.first?["line"] as? Int == 2)
    }

    @Test func crlfLineEndingsAndByteOrderMarkKeepColumnsExact() throws {
        let scratch = try Scratch()
        let text = "\u{FEFF}" + Records.typo + "\r\n" + Records.typo + "\r\n"
        let file = try scratch.write("windows.jsonl", text)
        let found = try jsonLines(try Datalint.run(["check", "--format", "json", "--select", "format/unknown-role", file]).standardOutput)
        #expect(found.compactMap { $0["column"] as? Int } == [53, 53])
        #expect(found.compactMap { $0["endColumn"] as? Int } == [63, 63])
    }

    @Test func gzipDatasetsAreReadTransparently() throws {
        let scratch = try Scratch()
        let plain = try scratch.write("data.jsonl", Records.good + "\n" + Records.typo + "\n")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-k", plain]
        try gzip.run()
        gzip.waitUntilExit()
        let result = try Datalint.run(["check", "--format", "json", plain + ".gz"])
        let found = try jsonLines(result.standardOutput)
        #expect(found.first?["line"] as? Int == 2)
        #expect(found.first?["code"] as? String == "format/unknown-role")
    }

    @Test func truncatedGzipIsAnError() throws {
        let scratch = try Scratch()
        let plain = try scratch.write("data.jsonl", String(repeating: Records.good + "\n", count: 500))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = [plain]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = try Data(contentsOf: URL(fileURLWithPath: plain + ".gz"))
        let cut = try scratch.write("cut.jsonl.gz", bytes: Array(compressed.prefix(compressed.count / 2)))
        let result = try Datalint.run(["check", cut])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cut.jsonl.gz: corrupt gzip data"))
    }

    @Test func standardInputIsReadWhenNamedDash() throws {
        let result = try Datalint.run(["check", "--format", "json", "-"], input: Array((Records.typo + "\n").utf8))
        let found = try jsonLines(result.standardOutput)
        #expect(found.first?["file"] as? String == "<stdin>")
        #expect(result.status == 1)
    }
}
