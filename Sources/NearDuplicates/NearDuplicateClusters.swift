/// Finds clusters of near-duplicate records from their MinHash signatures: candidates through LSH band buckets,
/// verified by their signature estimate, joined by union-find.
public struct NearDuplicateClusters: Sendable {
    public let bands: LSHBands
    /// The estimated Jaccard similarity at or above which a candidate pair is a near duplicate.
    public let threshold: Double

    public init(bands: LSHBands, threshold: Double) {
        self.bands = bands
        self.threshold = threshold
    }

    /// Bands chosen for `threshold` (default 0.8) and signatures of `hashCount` values.
    public init(threshold: Double = 0.8, hashCount: Int = 128) {
        self.init(bands: LSHBands(threshold: threshold, hashCount: hashCount), threshold: threshold)
    }

    /// The clusters of two or more records among `signatures` (indexed by record, in record order), ordered by
    /// their kept record; candidates are verified by their signature estimate.
    public func clusters(of signatures: [MinHashSignature]) -> [NearDuplicateCluster] {
        clusters(of: signatures) { Jaccard.estimate(signatures[$0], signatures[$1]) }
    }

    /// Like `clusters(of:)`, but candidates are verified (and members measured) by `similarity` of two record
    /// indices. The estimate from 128 values has a standard error of about 0.035 near 0.8, so pairs just above the
    /// threshold are often lost to it; a caller that can afford exact Jaccard of the candidates' shingle sets
    /// (re-shingling only candidates) gets the LSH stage's recall instead.
    public func clusters(of signatures: [MinHashSignature],
                         similarity: (Int, Int) -> Double) -> [NearDuplicateCluster] {
        clusters(of: signatures, verify: similarity, measure: similarity)
    }

    /// The buckets of one band that hold two or more records, each as its records in increasing order. Bands are
    /// independent, so a caller may compute them on several threads and pass them all to
    /// `clusters(ofCount:sharedBuckets:verify:measure:)`. Sorting (key, record) pairs needs 16 bytes per record
    /// for the band at hand, where a dictionary of all bands' buckets would need gigabytes for a million records.
    /// Only records that `including` marks (all when nil) take part: records without text would all share the
    /// signature of nothing.
    public func sharedBuckets(ofBand band: Int, of signatures: [MinHashSignature], including: [Bool]? = nil) -> [[Int]] {
        var scratch = [UInt8](repeating: 0, count: bands.parameters.rows * 4)
        var entries = signatures.indices.compactMap { record -> BucketEntry? in
            guard including?[record] ?? true else { return nil }
            return BucketEntry(key: bands.key(ofBand: band, of: signatures[record], scratch: &scratch), record: record)
        }
        return Self.sharedBuckets(of: &entries)
    }

    /// The buckets of one band with two or more records, from each record's key in that band (record = index),
    /// for callers that computed the keys already (the `dedup` stage keeps them per record).
    public static func sharedBuckets(ofKeys keys: [UInt64]) -> [[Int]] {
        var entries = keys.enumerated().map { BucketEntry(key: $1, record: $0) }
        return sharedBuckets(of: &entries)
    }

    private static func sharedBuckets(of entries: inout [BucketEntry]) -> [[Int]] {
        entries.sort()
        var shared: [[Int]] = []
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].key == entries[start].key { end += 1 }
            if end - start > 1 { shared.append(entries[start..<end].map(\.record)) }
            start = end
        }
        return shared
    }

    /// For each of `count` records, whether it is in one of `sharedBuckets`: the records a verification can ask
    /// about, so a caller can prepare exact measures for those alone.
    public static func candidates(count: Int, sharedBuckets: [[Int]]) -> [Bool] {
        var isCandidate = [Bool](repeating: false, count: count)
        for bucket in sharedBuckets { for record in bucket { isCandidate[record] = true } }
        return isCandidate
    }

    /// Like `clusters(of:similarity:)` with two measures: `verify` decides whether a candidate pair is a near
    /// duplicate (it may answer from the estimate when that is far from the threshold), `measure` gives the
    /// similarity reported for each member.
    public func clusters(of signatures: [MinHashSignature], verify: (Int, Int) -> Double,
                         measure: (Int, Int) -> Double) -> [NearDuplicateCluster] {
        let shared = (0..<bands.parameters.bands).flatMap { sharedBuckets(ofBand: $0, of: signatures) }
        return clusters(ofCount: signatures.count, sharedBuckets: shared, verify: verify, measure: measure)
    }

    /// The clusters among `count` records whose candidate buckets (from `sharedBuckets(ofBand:of:)`, every band,
    /// in band order) are given.
    public func clusters(ofCount count: Int, sharedBuckets: [[Int]], verify: (Int, Int) -> Double,
                         measure: (Int, Int) -> Double) -> [NearDuplicateCluster] {
        var sets = UnionFind(count: count)
        for bucket in sharedBuckets { verifyBucket(bucket, similarity: verify, sets: &sets) }
        return collect(count: count, similarity: measure, sets: &sets)
    }
}
