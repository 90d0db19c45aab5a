import NearDuplicates
import RecordScanner

/// Finds clusters of near-duplicate records across files: MinHash signatures of every record (in parallel),
/// candidate pairs from LSH bands, each verified by the exact Jaccard similarity of the two records' shingles.
///
/// Verifying exactly rather than by the signatures' estimate matters at the threshold: with 128 values the
/// estimate's standard error near 0.8 is about 0.035, and verifying by it lost one pair in twenty there.
public struct NearDuplicateFinder: Sendable {
    public let threshold: Double
    public let hashCount: Int
    public let compared: ComparedText

    public init(threshold: Double = 0.8, hashCount: Int = 128, compared: ComparedText = ComparedText()) {
        self.threshold = threshold
        self.hashCount = hashCount
        self.compared = compared
    }

    /// The clusters of two or more records, each kept record first in file and line order. Records that are not
    /// JSON objects take no part.
    public func clusters(in records: DatasetRecords, jobs: Int) async -> [NearDuplicateCluster] {
        let signatures = await sign(records, jobs: jobs)
        var measured = ShingleCache(records: records, compared: compared)
        let clustering = NearDuplicateClusters(threshold: threshold, hashCount: hashCount)
        return clustering.clusters(of: signatures) { first, second in measured.jaccard(first, second) }
    }

    /// Every record's signature, in record order; records that are not objects get the signature of no text.
    func sign(_ records: DatasetRecords, jobs: Int) async -> [MinHashSignature] {
        let hasher = MinHasher(count: hashCount)
        let compared = self.compared
        let batch = 2_048
        let batches = stride(from: 0, to: records.count, by: batch).map { $0..<min($0 + batch, records.count) }
        var signatures = [MinHashSignature?](repeating: nil, count: records.count)
        await withTaskGroup(of: (Range<Int>, [MinHashSignature]).self) { group in
            var next = 0
            func add() {
                guard next < batches.count else { return }
                let range = batches[next]
                next += 1
                group.addTask { (range, Self.sign(range, of: records, hasher: hasher, compared: compared)) }
            }
            for _ in 0..<max(1, jobs) { add() }
            for await (range, signed) in group {
                for (offset, signature) in signed.enumerated() { signatures[range.lowerBound + offset] = signature }
                add()
            }
        }
        return signatures.map { $0! }
    }

    private static func sign(_ range: Range<Int>, of records: DatasetRecords, hasher: MinHasher,
                             compared: ComparedText) -> [MinHashSignature] {
        let (bytes, ranges) = records.bytes(ofRecords: range)
        var scanner = RecordScanner()
        var record = ParsedRecord()
        return ranges.map { lineRange in
            scanner.scan(bytes, lineRange: lineRange, lineNumber: 0, into: &record)
            let shingles = record.rootObject == nil ? [] : compared.shingles(of: record)
            return hasher.signature(of: shingles)
        }
    }
}

/// The shingle sets of the records that candidate pairs name, made on first use: few records collide, so these
/// are computed again from the mapped files instead of kept for every record.
struct ShingleCache {
    let records: DatasetRecords
    let compared: ComparedText
    private var sets: [Int: Set<UInt64>] = [:]
    private var scanner = RecordScanner()

    init(records: DatasetRecords, compared: ComparedText) {
        self.records = records
        self.compared = compared
    }

    mutating func jaccard(_ first: Int, _ second: Int) -> Double {
        Jaccard.exact(shingles(first), shingles(second))
    }

    private mutating func shingles(_ index: Int) -> Set<UInt64> {
        if let known = sets[index] { return known }
        let record = scanner.scan(records.bytes(of: index))
        let set = record.rootObject == nil ? Set<UInt64>() : Set(compared.shingles(of: record))
        sets[index] = set
        return set
    }
}
