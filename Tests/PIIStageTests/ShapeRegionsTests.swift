import MultiPatternScanning
@testable import PIIStage
import Testing

/// The shape prefilter decides where the shaped triggers run, so it must be a superset test: every match of a
/// shaped trigger, found by scanning the whole line, must lie inside a region it returns.
@Suite struct ShapeRegionsTests {
    static let shaped = Trigger.all.enumerated().filter { $0.element.kind == .shaped }

    let scratch: Scratch

    init() throws {
        scratch = try Scratch(for: PatternDatabase(Self.shaped.map {
            Pattern(id: UInt32($0.offset), expression: $0.element.expression, flags: [.leftmostStart])
        }))
    }

    /// Every shaped match in `line` that falls outside the prefilter's regions, as "trigger: text". Matches that
    /// use the hex digits of a `\u` escape as digits do not count: they are not in the decoded text, and the
    /// prefilter leaves them out on purpose.
    func escapes(_ line: [UInt8]) throws -> [String] {
        try escapes(line, portable: false) + escapes(line, portable: true).map { "portable path: " + $0 }
    }

    func escapes(_ line: [UInt8], portable: Bool) throws -> [String] {
        let escapeHex = Self.escapeHexOffsets(line)
        let matches = try scratch.scan(line).filter { match in !match.range.contains { escapeHex.contains($0) } }
        var regions = ShapeRegions()
        line.withUnsafeBytes { regions.find(in: $0, using: portable ? .portable : .native) }
        let covered = (0..<regions.count).map(regions.region)
        return matches.filter { match in !covered.contains { $0.contains(match.range.lowerBound) && match.range.upperBound <= $0.upperBound } }
            .map { "\(Trigger.all[Int($0.id)].expression): \(String(decoding: line[$0.range], as: UTF8.self))" }
    }

    /// Offsets of the four hex digits of every `\u` escape in a raw JSON line.
    static func escapeHexOffsets(_ line: [UInt8]) -> Set<Int> {
        var offsets = Set<Int>()
        var index = 0
        while index + 1 < line.count {
            guard line[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            if line[index + 1] == UInt8(ascii: "u") { offsets.formUnion((index + 2)..<min(index + 6, line.count)) }
            index += 2
        }
        return offsets
    }

    static let samples = [
        "4111 1111 1111 1111", "4111111111111111", "(555) 123-4567", "+1 555 123 4567", "020 7946 0958",
        "01 23 45 67 89", "123-45-6789", "123 45 6789", "192.168.1.1", "1.2.3.4", "fe80::1", "::1", "2001:db8:85a3:0:0:8a2e:370:7334",
        "00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e", "DE89 3704 0044 0532 0130 00", "03-1234-5678", "(11) 91234-5678",
        "ana@example.com", "x_9@\\u4f8b.cn", "b879.7b87.2654", "+44 20", "mail me@日本.jp", #"see \\u12345678 here"#,
    ]
    static let fillers = ["word ", "the ", "é", "日本", "\\n", "\\\"", "\\u00e9", "\\u8fd9", "a:b ", "x-y ", "ab", ": ", "12 ", "(", ".",
                          "@", "+", "a.", "beef", "_"]

    @Test func everySampleIsCoveredWhereverItFallsInABlock() throws {
        for sample in Self.samples {
            for offset in 40..<140 {
                let line = Array(String(repeating: "x", count: offset).utf8) + Array(sample.utf8) + Array(" tail".utf8)
                #expect(try escapes(line) == [], "\(sample) at \(offset)")
            }
        }
    }

    @Test func randomTextWithPlantedShapesIsCovered() throws {
        var random = Xorshift(state: 0x5A4E_0001)
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<random.below(60) {
                text += random.chance(15) ? random.pick(Self.samples) : random.pick(Self.fillers)
                if random.chance(20) { text += String(random.below(100_000)) }
            }
            let line = Array(#"{"content":"\#(text)"}"#.utf8)
            let missed = try escapes(line)
            #expect(missed == [], "\(missed) in \(text)")
        }
    }

    /// Blocks that cannot fire are skipped before the full test; the regions must be those of testing every
    /// block in full, on every path.
    @Test func skippingQuietBlocksChangesNoRegion() {
        var random = Xorshift(state: 0x5A4E_0002)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<random.below(80) {
                text += random.chance(10) ? random.pick(Self.samples) : random.pick(Self.fillers)
                if random.chance(25) { text += String(random.below(100_000)) }
            }
            let line = Array(#"{"content":"\#(text)"}"#.utf8)
            let found = [ShapeRegions.Implementation.native, .portable, .unscreened].map { implementation in
                var regions = ShapeRegions()
                line.withUnsafeBytes { regions.find(in: $0, using: implementation) }
                return (0..<regions.count).map(regions.region)
            }
            #expect(found[0] == found[2], "native path in \(text)")
            #expect(found[1] == found[2], "portable path in \(text)")
        }
    }

    @Test func proseWithoutNumbersHasNoRegions() {
        let line = Array(String(repeating: #"{"role": "user", "content": "Why is the sky blue? Tell me about light."}"#, count: 4).utf8)
        for portable in [false, true] {
            var regions = ShapeRegions()
            line.withUnsafeBytes { regions.find(in: $0, using: portable ? .portable : .native) }
            #expect(regions.count == 0)
        }
    }
}

/// A deterministic generator for the random texts (xorshift64).
private struct Xorshift {
    var state: UInt64

    mutating func below(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
}

/// Vectorscan 5.4.9 misses some matches that end near the end of the buffer it scans, depending on where the
/// buffer lies in memory; the stage pads every scan. An address at the very end of a line must be found
/// whatever the line's length.
@Test func anAddressAtTheEndOfALineIsFoundAtEveryLength() {
    for length in 0..<96 {
        let line = #"{"content":"\#(String(repeating: "x", count: length)) cc: roland96@日本語.jp"}"#
        #expect(check(line).map(\.code.rawValue) == ["pii/email"], "prefix of \(length)")
        let escaped = #"{"content":"\#(String(repeating: "y", count: length)) misicheremma@\u4f8b\u5b50.\u4e2d\u56fd"}"#
        #expect(check(escaped).map(\.code.rawValue) == ["pii/email"], "escaped domain, prefix of \(length)")
    }
}
