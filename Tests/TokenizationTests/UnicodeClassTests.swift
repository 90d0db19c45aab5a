import Foundation
import Testing
@testable import Tokenization

/// `Fixtures/unicode-classes.json` (bench/tokens/unicode_classes.py) lists each class of tiktoken's patterns as
/// tiktoken's own regex engine sees it. PCRE2 must agree on every code point once the pattern is translated, or
/// some text somewhere would be cut into different pieces.
private struct ClassFixture: Decodable {
    let source: String
    let classes: [String: [[UInt32]]]
}

@Test func everyTranslatedClassHoldsExactlyTiktokensCodePoints() throws {
    // Both translations: the exact one on every code point, the fast one on all but the affected ones.
    let url = try #require(Bundle.module.url(forResource: "unicode-classes", withExtension: "json",
                                             subdirectory: "Fixtures"))
    let fixture = try JSONDecoder().decode(ClassFixture.self, from: Data(contentsOf: url))
    #expect(fixture.classes.count == 9)

    var allScalars = String.UnicodeScalarView()
    for value in UInt32(0)...0x10FFFF {
        if let scalar = Unicode.Scalar(value) { allScalars.append(scalar) }
    }
    let everything = String(allScalars)
    let bytes = Array(everything.utf8)

    for (name, ranges) in fixture.classes.sorted(by: { $0.key < $1.key }) {
        let expected = ranges.flatMap { $0[0]...$0[1] }
        let translations: [(String, (pattern: String, options: UInt32))] = [
            // Runs (`+`) rather than single characters: far fewer matches to decode.
            ("exact", PretokenizationPattern.exact(name + "+")), ("fast", PretokenizationPattern.fast(name + "+")),
        ]
        for (translation, (pattern, options)) in translations {
            let matcher = PatternMatcher(try CompiledPattern(pattern, extraOptions: options))
            var members: [UInt32] = []
            for range in try matcher.matches(in: everything) {
                let scalars = String(decoding: bytes[range], as: UTF8.self).unicodeScalars
                members.append(contentsOf: scalars.map(\.value))
            }
            // The fast translation is only used on text without the affected characters; elsewhere it must agree.
            let wanted = translation == "exact" ? expected : expected.filter { !UnicodeAdditions.isAffected($0) }
            if translation == "fast" { members.removeAll { UnicodeAdditions.isAffected($0) } }
            let extra = Set(members).subtracting(wanted).sorted()
            let missing = Set(wanted).subtracting(members).sorted()
            let hex = { (values: [UInt32]) in values.prefix(8).map { "U+" + String($0, radix: 16, uppercase: true) } }
            #expect(extra.isEmpty && missing.isEmpty,
                    "\(translation) \(name): PCRE2 adds \(extra.count) code points to \(fixture.source)'s (\(hex(extra))) and lacks \(missing.count) (\(hex(missing)))")
            #expect(members.count == wanted.count)
        }
    }
}
