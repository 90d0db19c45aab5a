import NearDuplicates
import Testing

@Test func bandChoiceForCommonThresholds() {
    #expect(BandParameters.choose(threshold: 0.7, hashCount: 128) == BandParameters(bands: 32, rows: 4))
    #expect(BandParameters.choose(threshold: 0.8, hashCount: 128) == BandParameters(bands: 21, rows: 6))
    #expect(BandParameters.choose(threshold: 0.9, hashCount: 128) == BandParameters(bands: 12, rows: 10))
}

@Test func chosenBandsFindPairsAtTheThresholdAlmostSurely() {
    for threshold in [0.5, 0.7, 0.8, 0.9, 0.95] {
        let parameters = BandParameters.choose(threshold: threshold, hashCount: 128)
        #expect(parameters.candidateProbability(atSimilarity: threshold) >= 0.99)
        #expect(parameters.bands * parameters.rows <= 128)
        #expect(parameters.approximateThreshold < threshold)
    }
}

@Test func approximateThresholdSolvesTheSCurve() {
    let parameters = BandParameters(bands: 20, rows: 5)
    let expected = 0.549_28  // (1/20)^(1/5)
    #expect(abs(parameters.approximateThreshold - expected) < 1e-4)
}

@Test func bandKeysAreOnePerBandAndDeterministic() {
    let bands = LSHBands(threshold: 0.8, hashCount: 128)
    let signature = MinHasher().signature(of: Shingler().hashes(of: "some words to make a signature from here"))
    let keys = bands.keys(of: signature)
    #expect(keys.count == 21)
    #expect(keys == bands.keys(of: signature))
    #expect(Set(keys).count == keys.count)
}

@Test func lshFindsSimilarPairsAndRarelyDissimilarOnes() {
    let hasher = MinHasher(count: 128)
    let bands = LSHBands(threshold: 0.8, hashCount: 128)
    var sets = TestSets(seed: 9)
    func candidates(similarity: Double) -> Int {
        (0..<200).filter { _ in
            let (a, b) = sets.pair(unionSize: 400, shared: Int(similarity * 400))
            let keysA = Set(bands.keys(of: hasher.signature(of: a)))
            return !keysA.isDisjoint(with: bands.keys(of: hasher.signature(of: b)))
        }.count
    }
    #expect(candidates(similarity: 0.9) >= 196)  // P ≈ 0.99998 per pair
    #expect(candidates(similarity: 0.3) <= 4)  // P ≈ 0.015 per pair
}
