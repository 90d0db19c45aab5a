import Testing
@testable import Tokenization

/// The fast translation (tiktoken's pattern with `$` fixed) is used on text holding none of the characters where
/// PCRE2's classes differ from tiktoken's; these tests check that choice and that it cannot change a piece.

@Test func affectedScalarsAreFoundExactlyOnEveryCodePoint() {
    let ranges: [ClosedRange<UInt32>] = UnicodeAdditions.ranges.values.flatMap { $0 } + [0x180E...0x180E]
    var boundaries: [UInt32] = [0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF]
    for value in UInt32(0)...0x10FFFF {
        let expected = ranges.contains { $0.contains(value) }
        if UnicodeAdditions.isAffected(value) != expected {
            Issue.record("U+\(String(value, radix: 16, uppercase: true)): expected \(expected)")
            return
        }
    }
    for range in ranges {
        boundaries += [range.lowerBound - 1, range.lowerBound, range.upperBound, range.upperBound + 1]
    }
    // And in text, where the scan decodes UTF-8 itself, at each boundary.
    for value in boundaries {
        guard let scalar = Unicode.Scalar(value) else { continue }
        var text = "ab" + String(scalar) + "cd"
        let found = text.withUTF8 { UnicodeAdditions.containsAffectedScalar(UnsafeRawBufferPointer($0)) }
        #expect(found == UnicodeAdditions.isAffected(value), "U+\(String(value, radix: 16, uppercase: true))")
    }
}

@Test func plainTextNeedsNoExactPattern() {
    for text in ["", "plain ASCII text, long enough to be read eight bytes at a time", "héllo wörld", "日本語のテキスト",
                 "👨‍👩‍👧‍👦", "नमस्ते", "\u{180D}\u{180F}"] {
        var copy = text
        #expect(!copy.withUTF8 { UnicodeAdditions.containsAffectedScalar(UnsafeRawBufferPointer($0)) }, "\(text)")
    }
    for text in ["a\u{180E}b", "x \u{31350}", "\u{0897}", String(repeating: "a", count: 20) + "\u{1E5D0}"] {
        var copy = text
        #expect(copy.withUTF8 { UnicodeAdditions.containsAffectedScalar(UnsafeRawBufferPointer($0)) }, "\(text)")
    }
}

@Test func fastAndExactPatternsCutUnaffectedTextAlike() throws {
    // Random text from every plane, with the affected characters left out, cut by both translations.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: UInt32) -> UInt32 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return UInt32(state % UInt64(bound))
    }
    let common: [UInt32] = [0x20, 0x20, 0x0A, 0x0D, 0x09, 0x27, 0x73, 0x53, 0x41, 0x61, 0x31, 0x2C, 0x2F, 0xA0, 0x3000, 0x85]
    for encoding in BPEEncoding.all {
        let fast = PretokenizationPattern.fast(encoding.pattern)
        let exact = PretokenizationPattern.exact(encoding.pattern)
        let fastMatcher = PatternMatcher(try CompiledPattern(fast.pattern, extraOptions: fast.options))
        let exactMatcher = PatternMatcher(try CompiledPattern(exact.pattern, extraOptions: exact.options))
        for _ in 0..<3000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(1 + next(24)) {
                let value = next(3) == 0 ? common[Int(next(UInt32(common.count)))] : next(0x32400)
                if let scalar = Unicode.Scalar(value), !UnicodeAdditions.isAffected(value) { scalars.append(scalar) }
            }
            let text = String(scalars)
            #expect(try fastMatcher.matches(in: text) == exactMatcher.matches(in: text), "\(text.debugDescription)")
        }
    }
}
