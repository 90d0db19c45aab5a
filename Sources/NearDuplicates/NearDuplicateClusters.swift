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

    /// For each record, whether it shares a bucket with another record in some band: the records a verification
    /// can ask about, so a caller can prepare exact measures for those alone.
    public func candidates(of signatures: [MinHashSignature]) -> [Bool] {
        var isCandidate = [Bool](repeating: false, count: signatures.count)
        var scratch = [UInt8](repeating: 0, count: bands.parameters.rows * 4)
        for band in 0..<bands.parameters.bands {
            var entries = signatures.indices.map { record in
                BucketEntry(key: bands.key(ofBand: band, of: signatures[record], scratch: &scratch), record: record)
            }
            entries.sort()
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count && entries[end].key == entries[start].key { end += 1 }
                if end - start > 1 { for entry in entries[start..<end] { isCandidate[entry.record] = true } }
                start = end
            }
        }
        return isCandidate
    }

    /// Like `clusters(of:similarity:)` with two measures: `verify` decides whether a candidate pair is a near
    /// duplicate (it may answer from the estimate when that is far from the threshold), `measure` gives the
    /// similarity reported for each member.
    public func clusters(of signatures: [MinHashSignature], verify: (Int, Int) -> Double,
                         measure: (Int, Int) -> Double) -> [NearDuplicateCluster] {
        let similarity = verify
        var sets = UnionFind(count: signatures.count)
        var scratch = [UInt8](repeating: 0, count: bands.parameters.rows * 4)
        // One band at a time: sorting (key, record) pairs needs 16 bytes per record, where a dictionary of all
        // bands' buckets would need gigabytes for a million records.
        for band in 0..<bands.parameters.bands {
            var entries = signatures.indices.map { record in
                BucketEntry(key: bands.key(ofBand: band, of: signatures[record], scratch: &scratch), record: record)
            }
            entries.sort()
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count && entries[end].key == entries[start].key { end += 1 }
                if end - start > 1 {
                    verifyBucket(entries[start..<end], similarity: similarity, sets: &sets)
                }
                start = end
            }
        }
        return collect(count: signatures.count, similarity: measure, sets: &sets)
    }
}
