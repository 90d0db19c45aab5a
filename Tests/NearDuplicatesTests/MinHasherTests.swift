import NearDuplicates
import Testing

private let variants: [MinHasher.Variant] = [.onePermutation, .permutations]

@Test(arguments: variants)
func identicalSetsHaveSimilarityOne(variant: MinHasher.Variant) {
    let hasher = MinHasher(count: 128, variant: variant)
    let shingles = Shingler().hashes(of: "the quick brown fox jumps over the lazy dog again and again")
    let reordered = shingles.reversed() + shingles
    #expect(hasher.signature(of: shingles).estimatedJaccard(with: hasher.signature(of: Array(reordered))) == 1)
}

@Test(arguments: variants)
func estimateIsWithinATenthOfExactJaccard(variant: MinHasher.Variant) {
    let hasher = MinHasher(count: 128, variant: variant, seed: 7)
    var sets = TestSets(seed: 42)
    // Large sets (more shingles than bins) and small ones (one-permutation hashing must densify).
    for unionSize in [1000, 60] {
        for similarity in [0.1, 0.3, 0.5, 0.7, 0.8, 0.9] {
            let (a, b) = sets.pair(unionSize: unionSize, shared: Int(similarity * Double(unionSize)))
            let exact = Jaccard.exact(Set(a), Set(b))
            let estimate = Jaccard.estimate(hasher.signature(of: a), hasher.signature(of: b))
            #expect(abs(estimate - exact) <= 0.1, "union \(unionSize), exact \(exact), estimate \(estimate)")
        }
    }
}

@Test(arguments: variants)
func sameSeedGivesSameSignatureAndOtherSeedsDiffer(variant: MinHasher.Variant) {
    let shingles = Shingler().hashes(of: "one two three four five six seven eight nine ten")
    let first = MinHasher(variant: variant, seed: 3).signature(of: shingles)
    #expect(first == MinHasher(variant: variant, seed: 3).signature(of: shingles))
    #expect(first != MinHasher(variant: variant, seed: 4).signature(of: shingles))
    #expect(first.values.count == 128)
}

@Test(arguments: variants)
func emptySetHasEmptySignature(variant: MinHasher.Variant) {
    let signature = MinHasher(count: 16, variant: variant).signature(of: [])
    #expect(signature.values == Array(repeating: MinHashSignature.emptyValue, count: 16))
}

@Test(arguments: variants)
func signaturesAndBandKeysArePinnedAcrossVersions(variant: MinHasher.Variant) {
    // Band keys are stored in the workspace index: if this test has to change, the index schema must too.
    // The keys were checked independently: XXH3_64bits_withSeed(LE u32 rows, seed: band) through ctypes.
    let shingles = Shingler().hashes(of: "pinned text for a signature that must never change silently")
    let signature = MinHasher(count: 4, variant: variant).signature(of: shingles)
    let keys = LSHBands(BandParameters(bands: 2, rows: 2)).keys(of: signature)
    let expected: [MinHasher.Variant: ([UInt32], [UInt64])] = [
        .onePermutation: ([3_171_827_491, 252_840_473, 2_223_262_482, 252_840_473],
                          [12_129_101_315_098_547_730, 15_095_684_773_524_946_427]),
        .permutations: ([3_198_644_641, 3_114_513_295, 3_809_776_794, 2_808_652_820],
                        [15_219_343_736_581_241_462, 6_754_839_525_936_255_132]),
    ]
    #expect(signature.values == expected[variant]?.0)
    #expect(keys == expected[variant]?.1)
}

@Test func exactJaccardOfKnownSets() {
    #expect(Jaccard.exact([1, 2, 3], [2, 3, 4]) == 0.5)
    #expect(Jaccard.exact([], []) == 1)
    #expect(Jaccard.exact([1], []) == 0)
}
