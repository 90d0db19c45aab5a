@testable import RecordScanner
import Testing

/// The scanner's fast paths (a word at a time to the next byte that matters, escapes and multi-byte runs in
/// line, duplicate keys found without an array per object) against `ReferenceScanner`, the byte-by-byte scanner
/// they replaced: same tape, same duplicates, same error at the same byte with the same message.
@Suite struct FastPathTests {
    /// Bytes a string scan must stop at, and bytes it must not.
    private static let specialBytes: [UInt8] = [0x22, 0x5C, 0x00, 0x01, 0x09, 0x0A, 0x1F, 0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0xFF]
    private static let plainBytes: [UInt8] = [0x20, 0x21, 0x23, 0x2F, 0x41, 0x5B, 0x5D, 0x5E, 0x61, 0x7E, 0x7F]

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80
    }

    @Test func attentionMaskFlagsExactlyTheFirstByteThatMatters() {
        var random = SplitMix(seed: 0x5CA9)
        let palette = Self.specialBytes + Self.plainBytes + Self.plainBytes
        for _ in 0..<200_000 {
            var bytes: [UInt8] = []
            for _ in 0..<8 { bytes.append(random.chance(80) ? random.pick(Self.plainBytes) : random.pick(palette)) }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
            let mask = ScanPass.attentionMask(word)
            let expected = bytes.firstIndex(where: Self.isSpecial)
            #expect((mask == 0 ? nil : mask.trailingZeroBitCount / 8) == expected, "\(bytes)")
            #expect(ScanPass.needsAttention(word) == (expected != nil))
        }
    }

    @Test func firstAttentionByteIsExactAtEveryAlignmentAndLength() {
        for length in 0...40 {
            for start in 0...min(length, 17) {
                for special in Self.specialBytes {
                    for at in [nil] + Array(start..<max(start, length)) {
                        var bytes = (0..<length).map { Self.plainBytes[$0 % Self.plainBytes.count] }
                        if let at { bytes[at] = special }
                        let found = bytes.withUnsafeBytes {
                            ScanPass.firstAttentionByte($0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, from: start, count: length)
                        }
                        #expect(found == (at ?? length), "length \(length), start \(start), byte \(special) at \(String(describing: at))")
                    }
                }
            }
        }
    }

    @Test func shortEscapeLettersAreExactlyTheEightOfJSON() {
        let letters = Set("\"\\/bfnrt".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(ScanPass.isShortEscape(byte) == letters.contains(byte), "byte \(byte)")
        }
    }

    /// Every piece a string can hold, well formed or not, placed after 0 to 17 plain bytes so that it meets
    /// every position in an eight-byte word, and followed by more text, the closing quote, or the line's end.
    @Test func stringsMatchTheReferenceWithEveryPieceAtEveryAlignment() {
        var compared = 0
        for piece in Self.stringPieces {
            for padding in 0...17 {
                for ending in Self.endings {
                    let prefix = Array(repeating: UInt8(ascii: "a"), count: padding)
                    let line = Array(#"{"k": ["#.utf8) + [0x22] + prefix + piece + ending
                    expectSameScan(line)
                    // The same string as a key, where the scan goes on with ':'.
                    expectSameScan(Array("{".utf8) + [0x22] + prefix + piece + ending + Array(": 1}".utf8))
                    compared += 2
                }
            }
        }
        #expect(compared > 5_000)
    }

    @Test func randomStringsMatchTheReference() {
        var random = SplitMix(seed: 0xF00D)
        for _ in 0..<40_000 {
            var line = Array(#"{"messages": [{"role": "user", "content": ""#.utf8)
            for _ in 0..<random.below(12) {
                if random.chance(50) {
                    line += Array(repeating: UInt8(ascii: "x"), count: random.below(20))
                } else {
                    line += random.pick(Self.stringPieces)
                }
            }
            line += Array(#""}]}"#.utf8)
            if random.chance(30) {
                // Cut the line short or flip a byte, to reach the error paths from every state.
                if random.chance(50) {
                    line.removeLast(random.below(line.count))
                } else {
                    line[random.below(line.count)] = UInt8(truncatingIfNeeded: random.next())
                }
            }
            expectSameScan(line)
        }
    }

    @Test func duplicateKeysMatchTheReferenceInSmallAndLargeObjects() {
        var random = SplitMix(seed: 0xD0D0)
        let keys = [#""a""#, #""\u0061""#, #""b""#, #""ab""#, #""a\u0062""#, #""role""#, #""content""#, #""""#, #""\"""#]
        for _ in 0..<20_000 {
            let members = (0..<(1 + random.below(16))).map { _ in "\(random.pick(keys)): \(random.below(3))" }
            let line = Array("{\"x\": {\(members.joined(separator: ", "))}, \"y\": [{\"a\": 1, \"a\": 2}]}".utf8)
            let record = expectSameScan(line)
            #expect(record.syntaxError == nil)
        }
    }

    // MARK: Helpers

    static let stringPieces: [[UInt8]] = {
        let texts = [
            #"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, #"\n"#, #"\r"#, #"\t"#, #"\u00e9"#, #"\u00E9"#, #"\u4f60"#,
            #"\uD83D\uDE00"#, #"\ud83d\ude00"#, #"\uD83D"#, #"\uDE00"#, #"\uD83D\u0041"#, #"\uD83Dx"#, #"\uD83D\"#,
            #"\x"#, #"\u12G4"#, #"\u12"#, #"\u"#, #"\"#, #"\'"#, "é", "你好", "😀", "👩‍💻", "a\u{301}", "\u{3000}",
        ]
        let bytes: [[UInt8]] = [
            [0x00], [0x01], [0x09], [0x0A], [0x0D], [0x1F], [0x7F],
            [0xC0, 0xAF], [0xC1, 0xBF], [0xC2], [0xC2, 0x41], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
            [0xEF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF0, 0x9F, 0x98],
            [0x80], [0xBF], [0xFE], [0xFF], [0xE4, 0xBD, 0xA0, 0x80], [0xC3, 0xA9, 0xC3],
        ]
        return texts.map { Array($0.utf8) } + bytes
    }()

    /// What follows a piece: more text, the end of the string, or the end of the line.
    private static let endings: [[UInt8]] = [Array(#"tail"]}"#.utf8), Array(#""]}"#.utf8), [], Array("abcdefghij".utf8)]

    @discardableResult
    private func expectSameScan(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> ParsedRecord {
        var scanner = RecordScanner()
        let record = scanner.scan(line)
        let reference = ReferenceScanner.scan(line)
        let shown = line.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "<\(String($0, radix: 16))>" }.joined()
        #expect(record.nodes == reference.nodes, "tape of \(shown)", sourceLocation: sourceLocation)
        #expect(record.duplicateKeys == reference.duplicates, "duplicates of \(shown)", sourceLocation: sourceLocation)
        #expect(record.syntaxError == reference.error, "error of \(shown)", sourceLocation: sourceLocation)
        return record
    }
}
