import Testing
import Waivers

@Test func newFileStartsWithTheHeaderAndListsWaiversByFileThenLine() throws {
    let directory = try TemporaryDirectory()
    var waivers = try WaiverFile.load(path: directory.path + "/.datalint-waivers")
    waivers.add(file: "data/valid.jsonl", code: "pii/email", record: RecordHash(3), line: 0)
    waivers.add(file: "data/train.jsonl", code: "format/unknown-key", record: RecordHash(2), line: 11)
    waivers.add(file: "data/train.jsonl", code: "format/empty-line", record: RecordHash(1), line: 1)
    try waivers.write()
    #expect(try directory.read(".datalint-waivers") == """
        # datalint waivers — written by `datalint check --add-waivers`; one per line: CODE RECORD-HASH FILE
        format/empty-line  xxh3:0000000000000001  data/train.jsonl  # line 2
        format/unknown-key  xxh3:0000000000000002  data/train.jsonl  # line 12
        pii/email  xxh3:0000000000000003  data/valid.jsonl  # line 1

        """)
}

@Test func existingCommentsAndOrderAreKeptAndNewWaiversAppended() throws {
    let directory = try TemporaryDirectory()
    let original = """
        # keep me
        pii/email xxh3:0000000000000009 z.jsonl   # hand-written, odd spacing

        # another comment
        format/unknown-key xxh3:0000000000000001 a.jsonl
        """
    let path = try directory.write(original, to: ".datalint-waivers")
    var waivers = try WaiverFile.load(path: path)
    let added = waivers.add(file: "b.jsonl", code: "format/unknown-key", record: RecordHash(5), line: 4)
    #expect(added)
    try waivers.write()
    #expect(try directory.read(".datalint-waivers") == original
                + "\nformat/unknown-key  xxh3:0000000000000005  b.jsonl  # line 5\n")
}

@Test func duplicatesAreNotAdded() throws {
    var waivers = try parse("format/unknown-key xxh3:0000000000000001 a.jsonl\n")
    let added = [
        waivers.add(file: "./a.jsonl", code: "format/unknown-key", record: RecordHash(1), line: 7),
        waivers.add(file: "a.jsonl", code: "format/unknown-key", record: RecordHash(2), line: 7),
        waivers.add(file: "a.jsonl", code: "format/unknown-key", record: RecordHash(2), line: 9),
    ]
    #expect(added == [false, true, false])
    #expect(waivers.waivers.count == 2)
    #expect(waivers.isWaived(file: "a.jsonl", code: "format/unknown-key", record: RecordHash(2)))
}

@Test func crlfFilesStayCRLF() throws {
    var waivers = try parse("# c\r\na/b xxh3:0000000000000001 a.jsonl\r\n")
    waivers.add(file: "a.jsonl", code: "a/b", record: RecordHash(2), line: 0)
    #expect(String(decoding: waivers.contents, as: UTF8.self)
                == "# c\r\na/b xxh3:0000000000000001 a.jsonl\r\na/b  xxh3:0000000000000002  a.jsonl  # line 1\r\n")
}

@Test func missingFinalNewlineIsAddedBeforeNewWaivers() throws {
    var waivers = try parse("# only a comment")
    waivers.add(file: "a.jsonl", code: "a/b", record: RecordHash(2), line: 0)
    #expect(String(decoding: waivers.contents, as: UTF8.self)
                == "# only a comment\na/b  xxh3:0000000000000002  a.jsonl  # line 1\n")
}

@Test func writtenFileReadsBackWithTheSameWaivers() throws {
    let directory = try TemporaryDirectory()
    var waivers = try WaiverFile.load(path: directory.path + "/w")
    waivers.add(file: "odd #name%.jsonl", code: "format/unknown-key", record: RecordHash(42), line: 0)
    waivers.add(file: "sub dir/x.jsonl", code: "pii/email", record: RecordHash(.max), line: 3)
    try waivers.write()
    let reread = try WaiverFile.load(path: directory.path + "/w")
    #expect(Set(reread.waivers) == Set(waivers.waivers))
    #expect(try directory.read("w").contains("odd %23name%25.jsonl"))
}

@Test func writeLeavesNoTemporaryFileAndKeepsTheMode() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("# c\n", to: ".datalint-waivers")
    #expect(chmod(path, 0o600) == 0)
    var waivers = try WaiverFile.load(path: path)
    waivers.add(file: "a.jsonl", code: "a/b", record: RecordHash(1), line: 0)
    try waivers.write()
    #expect(try directory.entries() == [".datalint-waivers"])
    var status = stat()
    #expect(stat(path, &status) == 0)
    #expect(status.st_mode & 0o777 == 0o600)
}

@Test func writeIntoAMissingDirectoryFailsWithTheReason() throws {
    let directory = try TemporaryDirectory()
    var waivers = try WaiverFile.load(path: directory.path + "/missing/w")
    waivers.add(file: "a.jsonl", code: "a/b", record: RecordHash(1), line: 0)
    #expect(throws: WaiverFileWriteError.self) { try waivers.write() }
    do {
        try waivers.write()
    } catch {
        #expect(error.description.contains("No such file or directory"))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
