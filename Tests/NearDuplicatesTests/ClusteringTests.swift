import NearDuplicates
import Testing

@Test func unionFindJoinsTransitively() {
    var sets = UnionFind(count: 6)
    sets.union(0, 1)
    sets.union(1, 2)
    sets.union(4, 5)
    let roots = (0..<6).map { sets.find($0) }
    #expect(roots[0] == roots[2])
    #expect(roots[3] != roots[0])
    #expect(roots[4] == roots[5])
    let joinedAgain = sets.union(2, 0)
    #expect(!joinedAgain)
}

@Test func unionFindSurvivesALongChain() {
    var sets = UnionFind(count: 100_000)
    for element in 1..<sets.count { sets.union(element - 1, element) }
    let (first, last) = (sets.find(0), sets.find(99_999))
    #expect(first == last)
}

/// Records built from word lists: `base` shares most words with `variant`, nothing with `other`.
private func signatures(of texts: [String]) -> [MinHashSignature] {
    let shingler = Shingler(.words(3))
    let hasher = MinHasher()
    return texts.map { hasher.signature(of: shingler.hashes(of: $0)) }
}

private func words(_ range: Range<Int>, prefix: String) -> String {
    range.map { "\(prefix)\($0)" }.joined(separator: " ")
}

@Test func clustersKeepTheFirstRecordAndReportSimilarity() {
    let base = words(0..<200, prefix: "w")
    let texts = [
        words(0..<200, prefix: "x"),  // 0: unrelated
        base,  // 1: kept
        words(0..<200, prefix: "y"),  // 2: unrelated
        base + " one more",  // 3: near duplicate of 1
        base,  // 4: exact duplicate of 1
    ]
    let clusters = NearDuplicateClusters(threshold: 0.8).clusters(of: signatures(of: texts))
    #expect(clusters.count == 1)
    #expect(clusters.first?.kept == 1)
    #expect(clusters.first?.others.map(\.record) == [3, 4])
    #expect(clusters.first?.others.last?.similarityToKept == 1)
    #expect((clusters.first?.others.first?.similarityToKept ?? 0) >= 0.8)
}

@Test func clustersAreTransitiveThroughChains() {
    // 0 ≈ 1 and 1 ≈ 2 (each shifts the window by 20 words of 200), while 0 and 2 are further apart.
    let texts = [words(0..<200, prefix: "w"), words(20..<220, prefix: "w"), words(40..<240, prefix: "w")]
    let clusters = NearDuplicateClusters(threshold: 0.75).clusters(of: signatures(of: texts))
    #expect(clusters.map(\.kept) == [0])
    #expect(clusters.first?.others.map(\.record) == [1, 2])
}

@Test func clusteringIsDeterministic() {
    let texts = (0..<50).map { words($0..<($0 + 100), prefix: "w") }
    let first = NearDuplicateClusters(threshold: 0.8).clusters(of: signatures(of: texts))
    #expect(first == NearDuplicateClusters(threshold: 0.8).clusters(of: signatures(of: texts)))
    #expect(!first.isEmpty)
}

@Test func noClustersAmongUnrelatedRecords() {
    let texts = (0..<30).map { words(0..<50, prefix: "r\($0)_") }
    #expect(NearDuplicateClusters().clusters(of: signatures(of: texts)).isEmpty)
}

@Test func callerSuppliedSimilarityVerifiesCandidates() {
    let text = words(0..<100, prefix: "w")
    let signatures = signatures(of: [text, text, text])
    let clusterer = NearDuplicateClusters(threshold: 0.8)
    // Candidates come from the bands, but the caller's similarity decides: here 1 and 2 are declared unrelated
    // to 0 (as exact Jaccard of their shingles might), while 1 and 2 are alike.
    let clusters = clusterer.clusters(of: signatures) { a, b in
        (a == 0 || b == 0) ? 0.5 : 0.9
    }
    #expect(clusters.map(\.kept) == [1])
    #expect(clusters.first?.others == [NearDuplicateCluster.Member(record: 2, similarityToKept: 0.9)])
}
