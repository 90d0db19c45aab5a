import Hashing
import Testing

@Test func hash64MatchesReferenceVectors() {
    for vector in ReferenceVectors.hash64 {
        let input = ReferenceVectors.pattern(vector.length)
        #expect(XXH3.hash64(input) == vector.unseeded, "length \(vector.length)")
        #expect(XXH3.hash64(input, seed: ReferenceVectors.seed) == vector.seeded, "length \(vector.length)")
    }
}

@Test func hash128MatchesReferenceVectors() {
    for vector in ReferenceVectors.hash128 {
        let input = ReferenceVectors.pattern(vector.length)
        #expect(XXH3.hash128(input) == XXH3Hash128(high: vector.high, low: vector.low), "length \(vector.length)")
        #expect(XXH3.hash128(input, seed: ReferenceVectors.seed)
                    == XXH3Hash128(high: vector.seededHigh, low: vector.seededLow), "length \(vector.length)")
    }
}

@Test func stringsHashTheirUTF8Bytes() {
    for vector in ReferenceVectors.strings {
        #expect(String(XXH3.hash64(vector.text), radix: 16).leftPadded(to: 16) == vector.hex64)
        #expect(XXH3.hash128(vector.text).description == vector.hex128)
        #expect(XXH3.hash64(vector.text) == XXH3.hash64(Array(vector.text.utf8)))
    }
}

@Test func sliceHashesLikeAnArrayOfItsBytes() {
    let buffer = ReferenceVectors.pattern(300)
    // A slice that starts mid-buffer: hashing must start at the slice's first byte, not the buffer's.
    let slice = buffer[41..<250]
    #expect(XXH3.hash64(slice) == XXH3.hash64(Array(slice)))
    #expect(XXH3.hash64(slice, seed: 7) == XXH3.hash64(Array(slice), seed: 7))
    #expect(XXH3.hash128(slice) == XXH3.hash128(Array(slice)))
    #expect(XXH3.hash64(buffer[0..<0]) == ReferenceVectors.hash64[0].unseeded)
}

@Test func differentSeedsGiveDifferentHashes() {
    let input = Array("the same record".utf8)
    let hashes = Set((0..<64 as Range<UInt64>).map { XXH3.hash64(input, seed: $0) })
    #expect(hashes.count == 64)
    #expect(XXH3.hash128(input, seed: 1) != XXH3.hash128(input, seed: 2))
}

@Test func seedZeroIsUnseededXXH3() {
    #expect(XXH3.hash64(ReferenceVectors.pattern(500), seed: 0) == XXH3.hash64(ReferenceVectors.pattern(500)))
}

@Test func hash128DescriptionIsThirtyTwoHexDigitsHighHalfFirst() {
    #expect(XXH3Hash128(high: 0xA, low: 0xB).description == "000000000000000a000000000000000b")
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
