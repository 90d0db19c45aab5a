import Diagnostics
import Testing
import Waivers

@Test func parsesWaiversCommentsAndBlankLines() throws {
    let file = try parse("""
        # datalint waivers

        format/unknown-key  xxh3:3a9f1c2b4d5e6f70  data/train.jsonl  # line 12
        \tpii/email xxh3:0000000000000001 ./data/../data/valid.jsonl
          # indented comment
        """)
    #expect(file.waivers == [
        Waiver(code: "format/unknown-key", record: RecordHash(0x3a9f_1c2b_4d5e_6f70), file: "data/train.jsonl",
               note: "line 12"),
        Waiver(code: "pii/email", record: RecordHash(1), file: "data/valid.jsonl"),
    ])
}

@Test func fileNamesMayHoldSpacesAndEncodedCharacters() throws {
    let file = try parse("""
        format/unknown-key xxh3:0000000000000002 my data/chat set.jsonl   # spaces
        format/unknown-key xxh3:0000000000000003 100%_clean%23v2.jsonl
        """)
    #expect(file.waivers.map(\.file) == ["my data/chat set.jsonl", "100%_clean#v2.jsonl"])
    #expect(file.waivers.first?.note == "spaces")
}

@Test func badCodeIsReportedAtTheCode() {
    #expect(parseProblems("# header\n  Format/Unknown-Key xxh3:0000000000000001 a.jsonl\n") == [
        "lint/.datalint-waivers:2:3: 'Format/Unknown-Key' is not a diagnostic code; codes look like format/unknown-key",
    ])
    #expect(parseProblems("format xxh3:0000000000000001 a.jsonl") == [
        "lint/.datalint-waivers:1:1: 'format' is not a diagnostic code; codes look like format/unknown-key",
    ])
}

@Test func badHashIsReportedAtTheHash() {
    #expect(parseProblems("format/unknown-key   xxh3:3A9F1C2B4D5E6F70 a.jsonl\n") == [
        "lint/.datalint-waivers:1:22: 'xxh3:3A9F1C2B4D5E6F70' is not a record hash; record hashes are xxh3: "
            + "followed by 16 lowercase hex digits",
    ])
}

@Test func missingFieldsAreReportedWhereTheyShouldBe() {
    #expect(parseProblems("format/unknown-key\n") == [
        "lint/.datalint-waivers:1:19: missing record hash; a waiver is CODE RECORD-HASH FILE",
    ])
    #expect(parseProblems("format/unknown-key xxh3:0000000000000001   # line 3\n") == [
        "lint/.datalint-waivers:1:44: missing file; a waiver is CODE RECORD-HASH FILE",
    ])
}

@Test func everyBadLineIsReported() {
    let text = "a/b xxh3:0000000000000001 ok.jsonl\nbad\r\n\r\nc/d nohash f\n"
    #expect(parseProblems(text) == [
        "lint/.datalint-waivers:2:1: 'bad' is not a diagnostic code; codes look like format/unknown-key",
        "lint/.datalint-waivers:4:5: 'nohash' is not a record hash; record hashes are xxh3: followed by 16 lowercase hex digits",
    ])
}

@Test func problemsBecomeWaiverInvalidDiagnostics() throws {
    do {
        _ = try parse("é/x xxh3:0000000000000001 a\n")
        Issue.record("an invalid waiver file parsed")
    } catch {
        let diagnostic = try #require(error.problems.first).diagnostic
        #expect(diagnostic.file == "lint/.datalint-waivers")
        #expect(diagnostic.diagnostic.code == WaiverCode.invalid.code)
        #expect(diagnostic.diagnostic.severity == .error)
        #expect(diagnostic.diagnostic.range.start.line == 0)
    }
}

@Test func missingWaiverFileIsEmpty() throws {
    let directory = try TemporaryDirectory()
    let file = try WaiverFile.load(path: directory.path + "/none")
    #expect(file.waivers.isEmpty)
    #expect(!file.isWaived(file: "a.jsonl", code: "format/unknown-key", record: RecordHash(1)))
}

@Test func loadReadsFromDisk() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("pii/email xxh3:00000000000000ff d.jsonl\n", to: ".datalint-waivers")
    let file = try WaiverFile.load(path: path)
    #expect(file.isWaived(file: "d.jsonl", code: "pii/email", record: RecordHash(0xff)))
}

@Test func waiverCodesAreDescribed() {
    #expect(WaiverCode.allCases.map(\.descriptor.code) == ["waiver/stale", "waiver/invalid"])
    #expect(WaiverCode.stale.defaultSeverity == .warning)
    #expect(WaiverCode.stale.descriptor.documentationPath == "docs/waiver.md")
}
