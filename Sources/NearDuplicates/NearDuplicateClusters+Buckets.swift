/// A record's key in one band; sorting these groups each bucket's records together, in record order.
struct BucketEntry: Comparable {
    let key: UInt64
    let record: Int

    static func < (lhs: BucketEntry, rhs: BucketEntry) -> Bool {
        (lhs.key, lhs.record) < (rhs.key, rhs.record)
    }
}

extension NearDuplicateClusters {
    /// Verifies the candidates of one bucket. Each record is compared with the bucket's representatives (the first
    /// record of each cluster seen so far in this bucket) rather than with every earlier record: a bucket of many
    /// copies of one text then costs one comparison per record instead of a quadratic number. A record close to a
    /// non-representative but not to its representative may be missed here; it usually meets it in another band.
    func verifyBucket(_ bucket: [Int], similarity: (Int, Int) -> Double, sets: inout UnionFind) {
        var representatives = [Int]()
        for record in bucket {
            var joined = false
            for representative in representatives {
                if sets.find(representative) == sets.find(record) {
                    joined = true
                    continue
                }
                if similarity(representative, record) >= threshold {
                    sets.union(representative, record)
                    joined = true
                }
            }
            if !joined { representatives.append(record) }
        }
    }

    /// Groups records by their set, keeping the first record of each group and measuring the others against it.
    func collect(count: Int, similarity: (Int, Int) -> Double, sets: inout UnionFind) -> [NearDuplicateCluster] {
        // Sizes first, so that only records in groups of two or more get a dictionary entry (most records are
        // unique, and a million one-element arrays would cost more than the clustering).
        let roots = (0..<count).map { sets.find($0) }
        var sizes = [Int](repeating: 0, count: roots.count)
        for root in roots { sizes[root] += 1 }
        var membersByRoot = [Int: [Int]]()
        for (record, root) in roots.enumerated() where sizes[root] > 1 {
            membersByRoot[root, default: []].append(record)
        }
        return membersByRoot.values
            .map { records in
                // Records were appended in increasing order, so the first is the earliest.
                let kept = records[0]
                let others = records.dropFirst().map {
                    NearDuplicateCluster.Member(record: $0, similarityToKept: similarity(kept, $0))
                }
                return NearDuplicateCluster(kept: kept, others: others)
            }
            .sorted { $0.kept < $1.kept }
    }
}
