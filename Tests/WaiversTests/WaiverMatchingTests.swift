import Diagnostics
import Testing
import Waivers

private let dataset = """
    {"messages":[{"role":"user","content":"hi","mood":"happy"}]}
    {"messages":[{"role":"user","content":"plain"}]}
    {"messages":[{"role":"user","content":""}]}
    {"messages":[{"role":"user","content":"bye","mood":"sad"}]}
    """

/// Waives everything `check` finds in `dataset`, writes the waiver file, and loads it back.
private func waiveEverything(in dataset: String, directory: TemporaryDirectory) throws -> WaiverFile {
    var file = try WaiverFile.load(path: directory.path + "/.datalint-waivers")
    for problem in check(dataset) {
        file.add(file: "data/train.jsonl", code: problem.code, record: problem.record, line: problem.line)
    }
    try file.write()
    return try WaiverFile.load(path: directory.path + "/.datalint-waivers")
}

@Test func waiverSurvivesReorderingAndEditsOfOtherLines() throws {
    let directory = try TemporaryDirectory()
    var waivers = try waiveEverything(in: dataset, directory: directory)
    let lines = dataset.split(separator: "\n")
    // Records moved around, one edited, one added: the waived records themselves are unchanged.
    let edited = [lines[3], #"{"messages":[{"role":"user","content":"new"}]}"#, lines[0],
                  #"{"messages":[{"role":"user","content":"plain, edited"}]}"#, lines[2]].joined(separator: "\n")
    let found = check(edited)
    #expect(found.count == 3)
    for problem in found {
        let waived = waivers.waive(file: "data/train.jsonl", code: problem.code, record: problem.record)
        #expect(waived, "line \(problem.line)")
    }
    #expect(waivers.staleWaivers(checkedFiles: ["data/train.jsonl"]).isEmpty)
}

@Test func waiverGoesStaleWhenItsRecordChanges() throws {
    let directory = try TemporaryDirectory()
    var waivers = try waiveEverything(in: dataset, directory: directory)
    let edited = dataset.replacingOccurrences(of: #""mood":"sad""#, with: #""mood":"calm""#)
    var unwaived: [FoundProblem] = []
    for problem in check(edited) where !waivers.waive(file: "data/train.jsonl", code: problem.code, record: problem.record) {
        unwaived.append(problem)
    }
    #expect(unwaived.map(\.line) == [3])
    let stale = waivers.staleWaivers(checkedFiles: ["data/train.jsonl"])
    #expect(stale.count == 1)
    let diagnostic = try #require(stale.first)
    #expect(diagnostic.file == directory.path + "/.datalint-waivers")
    #expect(diagnostic.diagnostic.code == "waiver/stale")
    #expect(diagnostic.diagnostic.severity == .warning)
    #expect(diagnostic.diagnostic.message == "waiver for format/unknown-key no longer matches any record in "
                + "data/train.jsonl (the record changed or the problem was fixed)")
    // Line 1 is the header, then the three waivers sorted by record line: the changed record's is on line 4.
    #expect(diagnostic.diagnostic.range.start.description == "4:1")
    #expect(diagnostic.excerpt?.text.hasPrefix("format/unknown-key  xxh3:") == true)
    #expect(diagnostic.excerpt?.text.hasSuffix("data/train.jsonl  # line 4") == true)
}

@Test func waiverGoesStaleWhenTheProblemIsFixed() throws {
    let directory = try TemporaryDirectory()
    var waivers = try waiveEverything(in: dataset, directory: directory)
    // The record is the same but no diagnostic is reported on it any more.
    for problem in check(dataset) where problem.code != "format/empty-content" {
        _ = waivers.waive(file: "data/train.jsonl", code: problem.code, record: problem.record)
    }
    let stale = waivers.staleWaivers(checkedFiles: ["data/train.jsonl"])
    #expect(stale.map { $0.diagnostic.message.hasPrefix("waiver for format/empty-content ") } == [true])
}

@Test func onlyCheckedFilesAndCodesCanBeStale() throws {
    let waivers = try parse("""
        format/unknown-key xxh3:0000000000000001 a.jsonl
        pii/email xxh3:0000000000000002 a.jsonl
        format/unknown-key xxh3:0000000000000003 b.jsonl
        """)
    #expect(waivers.staleWaivers(checkedFiles: ["./a.jsonl"]).map(\.diagnostic.range.start.line) == [0, 1])
    #expect(waivers.staleWaivers(checkedFiles: ["a.jsonl"], isCodeChecked: { $0.family == "format" })
                .map(\.diagnostic.range.start.line) == [0])
    #expect(waivers.staleWaivers(checkedFiles: []).isEmpty)
}

@Test func waiverIsForOneCodeOneRecordOneFile() throws {
    let waivers = try parse("format/unknown-key xxh3:0000000000000001 data/a.jsonl\n")
    #expect(waivers.isWaived(file: "data/a.jsonl", code: "format/unknown-key", record: RecordHash(1)))
    #expect(waivers.isWaived(file: "data/./a.jsonl", code: "format/unknown-key", record: RecordHash(1)))
    #expect(!waivers.isWaived(file: "data/b.jsonl", code: "format/unknown-key", record: RecordHash(1)))
    #expect(!waivers.isWaived(file: "data/a.jsonl", code: "format/unknown-role", record: RecordHash(1)))
    #expect(!waivers.isWaived(file: "data/a.jsonl", code: "format/unknown-key", record: RecordHash(2)))
}

@Test func isWaivedDoesNotMarkTheWaiverUsed() throws {
    var waivers = try parse("format/unknown-key xxh3:0000000000000001 a.jsonl\n")
    #expect(waivers.isWaived(file: "a.jsonl", code: "format/unknown-key", record: RecordHash(1)))
    #expect(waivers.staleWaivers(checkedFiles: ["a.jsonl"]).count == 1)
    waivers.markUsed(file: "a.jsonl", code: "format/unknown-key", record: RecordHash(1))
    #expect(waivers.staleWaivers(checkedFiles: ["a.jsonl"]).isEmpty)
}

@Test func staleWaiverFixRemovesItsWholeLine() throws {
    let waivers = try parse("# c\npii/email xxh3:0000000000000002 a.jsonl # x\n# d\n")
    let fix = try #require(waivers.staleWaivers(checkedFiles: ["a.jsonl"]).first?.diagnostic.fixes.first)
    #expect(fix.edits.map(\.range.description) == ["2:1-3:1"])
    #expect(fix.edits.map(\.newText) == [""])

    let lastLine = try parse("# c\r\npii/email xxh3:0000000000000002 a.jsonl")
    let lastFix = try #require(lastLine.staleWaivers(checkedFiles: ["a.jsonl"]).first?.diagnostic.fixes.first)
    #expect(lastFix.edits.map(\.range.description) == ["1:4-2:40"])
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
