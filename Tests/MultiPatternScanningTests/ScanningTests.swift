import MultiPatternScanning
import Testing

private func makeScratch(_ patterns: [Pattern]) throws -> Scratch {
    try Scratch(for: PatternDatabase(patterns))
}

@Test func literalReportsEveryOccurrenceByEndOffset() throws {
    let scratch = try makeScratch([Pattern(id: 7, expression: "ghp_")])
    let matches = try scratch.scan("ghp_a ghp_b")
    // Without `.leftmostStart` Vectorscan tracks only ends; the start is reported as 0.
    #expect(matches == [Match(id: 7, range: 0..<4), Match(id: 7, range: 0..<10)])
}

@Test func leftmostStartGivesTheStartOfEachMatch() throws {
    let scratch = try makeScratch([Pattern(id: 1, expression: "AKIA[0-9A-Z]{16}", flags: [.leftmostStart])])
    let text = "key=AKIAIOSFODNN7EXAMPLE;"
    #expect(try scratch.scan(text) == [Match(id: 1, range: 4..<24)])
}

@Test func regexWithRepetitionReportsEveryEndUnlessSingleMatch() throws {
    // A regex reports each end offset at which it matches: 3, 4 and 5 digits all satisfy \d{3,}.
    let every = try makeScratch([Pattern(id: 1, expression: #"\d{3,}"#, flags: [.leftmostStart])])
    #expect(try every.scan("x12345").map(\.range) == [1..<4, 1..<5, 1..<6])
    let once = try makeScratch([Pattern(id: 1, expression: #"\d{3,}"#, flags: [.singleMatch])])
    #expect(try once.scan("x12345 67890").count == 1)
}

@Test func overlappingPatternsAreAllReported() throws {
    let scratch = try makeScratch([
        Pattern(id: 1, expression: "ghp_", flags: [.leftmostStart]),
        Pattern(id: 2, expression: "ghp_[A-Za-z0-9]{36}", flags: [.leftmostStart]),
        Pattern(id: 3, expression: "[A-Za-z0-9]{10}", flags: [.singleMatch]),
    ])
    let token = "ghp_" + String(repeating: "a1B2", count: 9)
    let matches = try scratch.scan("token: \(token)")
    #expect(matches.contains(Match(id: 1, range: 7..<11)))
    #expect(matches.contains(Match(id: 2, range: 7..<47)))
    #expect(matches.filter { $0.id == 3 }.count == 1)
    // Reported in order of end offset.
    #expect(matches.map(\.range.upperBound) == matches.map(\.range.upperBound).sorted())
}

@Test func caselessMatchesAnyCase() throws {
    let scratch = try makeScratch([Pattern(id: 1, expression: "-----begin rsa private key-----",
                                       flags: [.caseless, .leftmostStart])])
    #expect(try scratch.scan("-----BEGIN RSA PRIVATE KEY-----\nMII") == [Match(id: 1, range: 0..<31)])
    let exact = try makeScratch([Pattern(id: 1, expression: "-----begin")])
    #expect(try exact.scan("-----BEGIN").isEmpty)
}

@Test func offsetsAreBytesInUTF8Input() throws {
    let scratch = try makeScratch(SamplePatterns.all)
    let text = "Café ☕ — écrivez à bob@example.com 🙂"
    let matches = try scratch.scan(text).filter { $0.id == SamplePatterns.email }
    let utf8 = Array(text.utf8)
    let start = try #require(text.utf8.firstRange(of: "bob@".utf8)).lowerBound
    let offset = text.utf8.distance(from: text.utf8.startIndex, to: start)
    // "Café ☕ — écrivez à " is 19 characters but 26 bytes.
    #expect(offset == 26)
    #expect(matches.contains(Match(id: SamplePatterns.email, range: offset..<(offset + 15))))
    #expect(String(decoding: utf8[offset..<(offset + 15)], as: UTF8.self) == "bob@example.com")
}

@Test func utf8FlagMatchesWholeCharacters() throws {
    // With .utf8, "." is one character (two bytes for "é"); without it, one byte.
    let characters = try makeScratch([Pattern(id: 1, expression: "caf.!", flags: [.utf8, .leftmostStart])])
    #expect(try characters.scan("café!") == [Match(id: 1, range: 0..<6)])
    let bytes = try makeScratch([Pattern(id: 1, expression: "caf.!", flags: [.leftmostStart])])
    #expect(try bytes.scan("café!").isEmpty)
}

@Test func sliceOffsetsAreIndicesOfTheSlice() throws {
    let scratch = try makeScratch([Pattern(id: 1, expression: "AKIA", flags: [.leftmostStart])])
    let bytes = Array("xxxxxAKIA..AKIA".utf8)
    let slice = bytes[3...]
    let matches = try scratch.scan(slice)
    #expect(matches.map(\.range) == [5..<9, 11..<15])
    #expect(matches.allSatisfy { String(decoding: bytes[$0.range], as: UTF8.self) == "AKIA" })
}

@Test func rawBufferArrayAndStringInputsAgree() throws {
    let scratch = try makeScratch(SamplePatterns.all)
    let text = "ip 10.0.0.1, key AKIAIOSFODNN7EXAMPLE, mail a@b.io"
    let bytes = Array(text.utf8)
    let fromString = try scratch.scan(text)
    #expect(!fromString.isEmpty)
    #expect(try scratch.scan(bytes) == fromString)
    #expect(try bytes.withUnsafeBytes { try scratch.scan($0) } == fromString)
}

@Test func emptyInputHasNoMatches() throws {
    let scratch = try makeScratch(SamplePatterns.all)
    #expect(try scratch.scan("").isEmpty)
    #expect(try scratch.scan([UInt8]()).isEmpty)
    #expect(try scratch.scan(UnsafeRawBufferPointer(start: nil, count: 0)).isEmpty)
}

@Test func limitStopsTheScanAndSaysSo() throws {
    let scratch = try makeScratch([Pattern(id: 1, expression: "a")])
    var matches: [Match] = [Match(id: 99, range: 0..<0)]
    let bytes = Array(String(repeating: "a", count: 100).utf8)
    #expect(try scratch.scan(bytes, into: &matches, limit: 10) == .stoppedAtLimit)
    #expect(matches.count == 11)  // Appended after what was there.
    #expect(matches.first?.id == 99)
    matches.removeAll(keepingCapacity: true)
    #expect(try scratch.scan(bytes[0..<10], into: &matches, limit: 10) == .complete)
    #expect(matches.count == 10)
}

@Test func scratchIsReusableAcrossScans() throws {
    let scratch = try makeScratch(SamplePatterns.all)
    for _ in 0..<3 {
        #expect(try scratch.scan("AKIAIOSFODNN7EXAMPLE").map(\.id) == [SamplePatterns.awsAccessKey])
    }
    #expect(scratch.sizeInBytes > 0)
    #expect(scratch.database.sizeInBytes > 0)
    #expect(!PatternDatabase.libraryVersion.isEmpty)
}
