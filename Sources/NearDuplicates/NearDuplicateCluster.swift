/// A group of records that are near duplicates of one another (transitively).
public struct NearDuplicateCluster: Sendable, Hashable {
    /// A record dropped as a near duplicate of `kept`, and its estimated Jaccard similarity to it.
    public struct Member: Sendable, Hashable {
        public let record: Int
        public let similarityToKept: Double

        public init(record: Int, similarityToKept: Double) {
            self.record = record
            self.similarityToKept = similarityToKept
        }
    }

    /// The record kept: the first of the cluster in record order (so the first line of a file wins).
    public let kept: Int
    /// The others, in record order. Through chains (A≈B≈C), a member's similarity to `kept` may be below the
    /// threshold even though it is above it to some other member.
    public let others: [Member]

    public init(kept: Int, others: [Member]) {
        self.kept = kept
        self.others = others
    }
}
