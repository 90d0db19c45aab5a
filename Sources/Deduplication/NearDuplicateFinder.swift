#if canImport(Glibc)
import Glibc
#endif
import DatasetIO
import NearDuplicates
import RecordScanner

/// A record as `datalint dedup` names it: the file (an index into the paths given) and the 0-based line.
public struct RecordLocation: Sendable, Hashable {
    public let file: Int
    public let line: Int

    public init(file: Int, line: Int) {
        self.file = file
        self.line = line
    }
}

/// Near-duplicate clusters among the records of some files, and where those records are.
public struct NearDuplicateReport: Sendable {
    public let paths: [String]
    /// Every record compared (non-blank lines), in file then line order; clusters index into it.
    public let records: [RecordLocation]
    public let clusters: [NearDuplicateCluster]
}

/// Finds clusters of near-duplicate records across files, streaming them twice:
///
/// 1. every record is signed (MinHash, in parallel batches) and LSH bands name the candidate records, those that
///    share a bucket with another;
/// 2. the files are read again and the candidates alone get their exact shingle sets, which verify candidate
///    pairs whose signature estimate is near the threshold and measure every reported similarity.
///
/// Memory is the signatures (512 bytes a record) plus the candidates' shingle sets, never the text: a million
/// records of 1.8 GB fit in well under 2 GB. Verifying near the threshold exactly rather than by the estimate
/// matters: with 128 values its standard error near 0.8 is about 0.035, and verifying by it lost one pair in
/// twenty there.
public struct NearDuplicateFinder: Sendable {
    public let threshold: Double
    public let hashCount: Int
    public let compared: ComparedText

    public init(threshold: Double = 0.8, hashCount: Int = 128, compared: ComparedText = ComparedText()) {
        self.threshold = threshold
        self.hashCount = hashCount
        self.compared = compared
    }

    public func report(for paths: [String], jobs: Int) async throws(DatasetIOError) -> NearDuplicateReport {
        try Self.requireRegularFiles(paths)
        let signed = try await sign(paths, jobs: jobs)
        let signatures = signed.signatures
        let clustering = NearDuplicateClusters(threshold: threshold, hashCount: hashCount)
        let shared = await Self.sharedBuckets(clustering, signatures, including: signed.hasText, jobs: jobs)
        let isCandidate = NearDuplicateClusters.candidates(count: signatures.count, sharedBuckets: shared)
        let shingles = try await candidateShingles(paths, isCandidate: isCandidate, batchChecksums: signed.batchChecksums,
                                                   jobs: jobs)
        let records = signed.records
        let threshold = self.threshold
        let margin = Self.estimateMargin(hashCount: hashCount)
        let clusters = clustering.clusters(ofCount: signatures.count, sharedBuckets: shared, verify: { first, second in
            let estimate = Jaccard.estimate(signatures[first], signatures[second])
            guard abs(estimate - threshold) <= margin else { return estimate }
            return Jaccard.exact(sorted: shingles[first] ?? [], shingles[second] ?? [])
        }, measure: { first, second in
            Jaccard.exact(sorted: shingles[first] ?? [], shingles[second] ?? [])
        })
        return NearDuplicateReport(paths: paths, records: records, clusters: clusters)
    }

    /// The files are read twice, so each must be a regular file (not a pipe, which reads once).
    private static func requireRegularFiles(_ paths: [String]) throws(DatasetIOError) {
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else { continue }  // the reader reports missing files in its own words
            let type = status.st_mode & S_IFMT
            if type != S_IFREG && type != S_IFDIR {
                throw DatasetIOError(.notReadable, path: path,
                                     reason: "dedup reads each file twice; name a regular file, not a pipe or device")
            }
        }
    }

    /// Every band's shared buckets among the records `including` marks, in band order, the bands computed on up to
    /// `jobs` tasks at once.
    private static func sharedBuckets(_ clustering: NearDuplicateClusters, _ signatures: [MinHashSignature],
                                      including: [Bool], jobs: Int) async -> [[Int]] {
        let bandCount = clustering.bands.parameters.bands
        var byBand = [[[Int]]](repeating: [], count: bandCount)
        await withTaskGroup(of: (Int, [[Int]]).self) { group in
            var next = 0
            for _ in 0..<min(max(1, jobs), bandCount) {
                let band = next
                next += 1
                group.addTask { (band, clustering.sharedBuckets(ofBand: band, of: signatures, including: including)) }
            }
            while let (band, buckets) = await group.next() {
                byBand[band] = buckets
                if next < bandCount {
                    let band = next
                    next += 1
                    group.addTask { (band, clustering.sharedBuckets(ofBand: band, of: signatures, including: including)) }
                }
            }
        }
        return byBand.flatMap { $0 }
    }

    /// How far from the threshold a signature estimate must be to be trusted without measuring: four standard
    /// errors of the estimate at the worst case (similarity 0.5), about 0.18 with 128 values.
    static func estimateMargin(hashCount: Int) -> Double {
        4 * (0.25 / Double(hashCount)).squareRoot()
    }

    /// What the first pass learns: every record's location and signature, whether it has any text to compare
    /// (records without, such as lines that are not JSON objects, take no part), and a checksum of each batch read,
    /// with which the second pass makes sure it reads the same records.
    struct Signed {
        var records: [RecordLocation] = []
        var signatures: [MinHashSignature] = []
        var hasText: [Bool] = []
        var batchChecksums: [UInt64] = []
    }

    /// The first pass (batches are signed on up to `jobs` tasks at once).
    private func sign(_ paths: [String], jobs: Int) async throws(DatasetIOError) -> Signed {
        let hasher = MinHasher(count: hashCount)
        let compared = self.compared
        var signed = Signed()
        var batches: [[(signature: MinHashSignature, hasText: Bool)]] = []
        try await RecordBatch.process(paths, jobs: jobs, prepare: { batch in
            signed.records.append(contentsOf: batch.records.map { RecordLocation(file: batch.file, line: $0.line) })
            signed.batchChecksums.append(batch.checksum)
            let ordinal = batches.count
            batches.append([])
            return { (ordinal, Self.sign(batch, hasher: hasher, compared: compared)) }
        }, collect: { (ordinal: Int, results: [(signature: MinHashSignature, hasText: Bool)]) in
            batches[ordinal] = results
        })
        for batch in batches {
            signed.signatures.append(contentsOf: batch.map(\.signature))
            signed.hasText.append(contentsOf: batch.map(\.hasText))
        }
        return signed
    }

    private static func sign(_ batch: RecordBatch, hasher: MinHasher, compared: ComparedText)
        -> [(signature: MinHashSignature, hasText: Bool)] {
        var scanner = RecordScanner()
        var record = ParsedRecord()
        return batch.records.map { entry in
            scanner.scan(batch.bytes, lineRange: entry.range, lineNumber: entry.line, into: &record)
            let shingles = record.rootObject == nil ? [] : compared.shingles(of: record)
            return (hasher.signature(of: shingles), !shingles.isEmpty)
        }
    }

    /// The sorted shingle sets of the candidate records, by record index, read in a second pass over the files
    /// (batches measured on up to `jobs` tasks at once).
    private func candidateShingles(_ paths: [String], isCandidate: [Bool], batchChecksums: [UInt64],
                                   jobs: Int) async throws(DatasetIOError) -> [Int: [UInt64]] {
        let compared = self.compared
        var shingles: [Int: [UInt64]] = [:]
        var firstIndex = 0
        var batchIndex = 0
        var changed: String?
        try await RecordBatch.process(paths, jobs: jobs, prepare: { batch -> (@Sendable () -> [(Int, [UInt64])])? in
            defer { batchIndex += 1 }
            if changed == nil && (batchIndex >= batchChecksums.count || batch.checksum != batchChecksums[batchIndex]) {
                changed = paths[batch.file]
            }
            guard changed == nil else { return nil }
            let first = firstIndex
            firstIndex += batch.records.count
            let wanted = (first..<firstIndex).filter { $0 < isCandidate.count && isCandidate[$0] }
            guard !wanted.isEmpty else { return nil }
            return { Self.shingleSets(of: wanted, in: batch, firstIndex: first, compared: compared) }
        }, collect: { (measured: [(Int, [UInt64])]) in
            for (index, set) in measured { shingles[index] = set }
        })
        if changed == nil && batchIndex != batchChecksums.count { changed = paths.last }
        if let changed {
            throw DatasetIOError(.notReadable, path: changed, reason: "the file changed while it was being compared; run again")
        }
        return shingles
    }

    private static func shingleSets(of indices: [Int], in batch: RecordBatch, firstIndex: Int,
                                    compared: ComparedText) -> [(Int, [UInt64])] {
        var scanner = RecordScanner()
        var record = ParsedRecord()
        return indices.map { index in
            let entry = batch.records[index - firstIndex]
            scanner.scan(batch.bytes, lineRange: entry.range, lineNumber: entry.line, into: &record)
            return (index, record.rootObject == nil ? [] : Jaccard.sortedSet(compared.shingles(of: record)))
        }
    }
}
