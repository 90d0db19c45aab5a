import NearDuplicates
import Testing

@Test func wordShinglesSlideOneWordAtATime() {
    let shingler = Shingler(.words(3))
    #expect(shingler.hashes(of: "a b c d e").count == 3)
    #expect(Set(shingler.hashes(of: "a b c d")).isSubset(of: Set(shingler.hashes(of: "a b c d e"))))
}

@Test func wordShinglesIgnoreHowWordsAreSeparated() {
    let shingler = Shingler(.words(2))
    #expect(shingler.hashes(of: "one two  three") == shingler.hashes(of: " one\ttwo\nthree "))
}

@Test func wordOrderMattersWithinAShingle() {
    let shingler = Shingler(.words(2))
    #expect(shingler.hashes(of: "a b") != shingler.hashes(of: "b a"))
}

@Test func shortTextIsOneShingleAndEmptyTextNone() {
    let shingler = Shingler(.words(5))
    #expect(shingler.hashes(of: "just three words").count == 1)
    #expect(shingler.hashes(of: "").isEmpty)
    #expect(shingler.hashes(of: "   ").isEmpty)
}

@Test func characterShinglesCountCodePointsNotBytes() {
    let shingler = Shingler(.characters(2))
    // Four code points, eight bytes: three 2-character shingles.
    #expect(shingler.hashes(of: "日本語x").count == 3)
    #expect(Shingler(.characters(5)).hashes(of: "日本").count == 1)
}

@Test func differentSeedsGiveDifferentShingleHashes() {
    #expect(Shingler(seed: 1).hashes(of: "a b c d e f") != Shingler(seed: 2).hashes(of: "a b c d e f"))
    #expect(Shingler(seed: 1).hashes(of: "a b c d e f") == Shingler(seed: 1).hashes(of: "a b c d e f"))
}
