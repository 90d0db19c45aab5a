import Hashing
import Testing

@Test func streamingInPiecesEqualsOneShot() {
    let input = ReferenceVectors.pattern(5000)
    // Piece sizes that straddle XXH3's 256-byte internal buffer and 1 KiB block boundaries.
    for pieceSize in [1, 7, 64, 255, 256, 257, 1024, 4999, 5000] {
        var hasher = XXH3Hasher()
        var offset = 0
        while offset < input.count {
            let end = min(offset + pieceSize, input.count)
            hasher.update(input[offset..<end])
            offset = end
        }
        #expect(hasher.digest64() == XXH3.hash64(input), "pieces of \(pieceSize)")
        #expect(hasher.digest128() == XXH3.hash128(input), "pieces of \(pieceSize)")
    }
}

@Test func streamingMatchesReferenceVectorsWithSeed() {
    for vector in ReferenceVectors.hash64 {
        var hasher = XXH3Hasher(seed: ReferenceVectors.seed)
        hasher.update(ReferenceVectors.pattern(vector.length))
        #expect(hasher.digest64() == vector.seeded, "length \(vector.length)")
    }
    for vector in ReferenceVectors.hash128 {
        var hasher = XXH3Hasher(seed: ReferenceVectors.seed)
        hasher.update(ReferenceVectors.pattern(vector.length))
        #expect(hasher.digest128() == XXH3Hash128(high: vector.seededHigh, low: vector.seededLow))
    }
}

@Test func streamingStringsAndArraysMix() {
    var hasher = XXH3Hasher()
    hasher.update("héllo ")
    hasher.update(Array("wörld".utf8))
    hasher.update(" 🌍")
    #expect(hasher.digest64() == XXH3.hash64("héllo wörld 🌍"))
}

@Test func digestDoesNotEndTheStream() {
    var hasher = XXH3Hasher()
    hasher.update("abc")
    #expect(hasher.digest64() == XXH3.hash64("abc"))
    hasher.update("def")
    #expect(hasher.digest64() == XXH3.hash64("abcdef"))
}

@Test func resetStartsOverWithTheNewSeed() {
    var hasher = XXH3Hasher(seed: 1)
    hasher.update("discarded")
    hasher.reset(seed: 99)
    hasher.update("kept")
    #expect(hasher.digest64() == XXH3.hash64("kept", seed: 99))
    hasher.reset()
    #expect(hasher.digest64() == ReferenceVectors.hash64[0].unseeded)
}

@Test func streamingSeedsDiffer() {
    var first = XXH3Hasher(seed: 1)
    var second = XXH3Hasher(seed: 2)
    first.update("record")
    second.update("record")
    #expect(first.digest64() != second.digest64())
}
