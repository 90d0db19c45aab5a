import Diagnostics
import MultiPatternScanning
@testable import PIIStage
import RecordScanner
import Testing

/// Lines of one chunk are scanned for triggers a window at a time (`TriggerWindow`); each line must get
/// exactly what scanning it alone gives, wherever the windows start and end.
@Suite struct TriggerWindowTests {
    /// Lines with entities at the edges of their strings and lines, JSON escapes, and lines without any.
    static let lines: [String] = [
        chat("call +1 415 555 2671"),
        #"{"prompt":"AKIAIOSFODNN7EXAMPLE","completion":"ok"}"#,
        chat("nothing to see here, just prose about caching"),
        #"{"text":"ana.silva@correo.es"}"#,
        chat("card 4111 1111 1111 1111 and IBAN DE89 3704 0044 0532 0130 00"),
        #"{"a":"x","b":"192.168.10.7"}"#,
        chat("host 2001:db8::8a2e:370:7334 MAC 00:1a:2b:3c:4d:5e"),
        #"{"text":"password = \"hunter2-Secret!\""}"#,
        chat("SSN 123-45-6789, born on 12 April 1990"),
        #"{"text":"\u0061na@example.com"}"#,
        "not json at all +44 20 7946 0958",
        chat("token ghp_1234567890abcdefghijABCDEFGHIJ123456 ends the line"),
        #"{"text":"https://user:s3cr3t-pass@db.example.net/x"}"#,
        chat("555-867-5309"),
    ]

    /// The chunk the lines make, and each line's range in it.
    static func chunk(_ lines: [String]) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for line in lines {
            let start = bytes.count
            bytes += Array(line.utf8)
            ranges.append(start..<bytes.count)
            bytes.append(UInt8(ascii: "\n"))
        }
        return (bytes, ranges)
    }

    /// The trigger matches of each line, by (id, end offset from the line's start), found with windows of `size`.
    static func triggerMatches(of lines: [String], windowSize: Int) -> [Set<[Int]>] {
        let (bytes, ranges) = chunk(lines)
        var scanner = RecordScanner()
        var record = ParsedRecord()
        let scratch = ThreadScratch.current()
        return ranges.enumerated().map { line, range in
            scanner.scan(bytes, lineRange: range, lineNumber: line, into: &record)
            scratch.triggerMatches.removeAll()
            #expect(PIIStage.scanTriggers(record, scratch: scratch, windowSize: windowSize))
            return Set(scratch.triggerMatches.map { [Int($0.id), $0.range.upperBound] })
        }
    }

    @Test(arguments: [1, 40, 100, 257, 1000, TriggerWindow.defaultSize])
    func windowsFindWhatEachLineAloneFinds(windowSize: Int) {
        let alone = Self.lines.map { Self.triggerMatches(of: [$0], windowSize: windowSize)[0] }
        let together = Self.triggerMatches(of: Self.lines, windowSize: windowSize)
        #expect(together == alone)
        #expect(alone.filter(\.isEmpty).count < 3, "the lines should fire triggers")
    }

    @Test func everyMatchEndsInsideItsLine() {
        let together = Self.triggerMatches(of: Self.lines, windowSize: 300)
        for (line, matches) in zip(Self.lines, together) {
            #expect(matches.allSatisfy { $0[1] > 0 && $0[1] <= line.utf8.count })
        }
    }

    /// A record in another chunk with the same line range is not given the last chunk's matches.
    @Test func anotherChunkIsScannedAgain() {
        let first = Self.triggerMatches(of: [chat("plain words only, nothing here at all")], windowSize: 1000)
        let second = Self.triggerMatches(of: [chat("plain words only, +1 415 555 2671 here")], windowSize: 1000)
        #expect(first == [[]])
        #expect(second[0].isEmpty == false)
    }

    /// The stage checks every line of a chunk as it checks the line alone.
    @Test func diagnosticsAreThoseOfEachLineAlone() {
        let (bytes, ranges) = Self.chunk(Self.lines + Self.lines.reversed())
        var scanner = RecordScanner()
        var record = ParsedRecord()
        let stage = PIIStage()
        for (line, range) in ranges.enumerated() {
            scanner.scan(bytes, lineRange: range, lineNumber: line, into: &record)
            var together: [Diagnostic] = []
            _ = stage.check(record, into: &together)
            let text = String(decoding: bytes[range], as: UTF8.self)
            var alone: [Diagnostic] = []
            _ = stage.check(scanner.scan(Array(text.utf8)), into: &alone)
            let columns = { (found: [Diagnostic]) in
                found.map { [$0.range.start.utf8Column, $0.range.end.utf8Column] }
            }
            #expect(columns(together) == columns(alone), "line \(line): \(text)")
            #expect(together.map(\.code) == alone.map(\.code))
        }
    }
}
