import DatasetText
import Testing

/// The word-at-a-time UTF-16 count for validated lines must agree with the scalar walk everywhere.
@Suite struct ValidUTF8ColumnTests {
    static let samples = [
        "", "plain ascii that is longer than eight bytes", "café naïve", "日本語のテキスト", "👋🏽 family 👨‍👩‍👧 flags 🇫🇷",
        "e\u{301}\u{302} combining", "mixed 中文 and 😀😀😀 and ascii padding......", String(repeating: "🙂é", count: 40),
    ]

    @Test func fastCountAgreesWithScalarWalkAtEveryCharacterBoundary() {
        for sample in Self.samples {
            let bytes = Array(sample.utf8)
            var boundaries = [0]
            var offset = 0
            for scalar in sample.unicodeScalars {
                offset += String(scalar).utf8.count
                boundaries.append(offset)
            }
            bytes.withUnsafeBytes { buffer in
                for boundary in boundaries {
                    #expect(UTF8Columns.utf16Column(ofByteOffset: boundary, inValidUTF8: buffer)
                        == UTF8Columns.utf16Column(ofByteOffset: boundary, in: bytes), "\(sample) at \(boundary)")
                }
            }
        }
    }

    @Test func fastCountMatchesStringUTF16Length() {
        for sample in Self.samples {
            let bytes = Array(sample.utf8)
            let count = bytes.withUnsafeBytes { UTF8Columns.utf16Column(ofByteOffset: bytes.count, inValidUTF8: $0) }
            #expect(count == sample.utf16.count)
        }
    }
}
