/// Disjoint sets over 0..<count, with union by rank and path compression, so any sequence of m operations costs
/// O(m·α(n)), effectively linear.
public struct UnionFind: Sendable {
    private var parents: [Int]
    private var ranks: [UInt8]

    public init(count: Int) {
        parents = Array(0..<count)
        ranks = [UInt8](repeating: 0, count: count)
    }

    public var count: Int { parents.count }

    /// The representative of `element`'s set. Compresses the path it walked (iteratively: a chain of a million
    /// near-duplicates must not overflow the stack).
    public mutating func find(_ element: Int) -> Int {
        var root = element
        while parents[root] != root { root = parents[root] }
        var node = element
        while parents[node] != root {
            let next = parents[node]
            parents[node] = root
            node = next
        }
        return root
    }

    /// Merges the sets of `a` and `b`; returns false when they were already one set.
    @discardableResult
    public mutating func union(_ a: Int, _ b: Int) -> Bool {
        var rootA = find(a), rootB = find(b)
        guard rootA != rootB else { return false }
        if ranks[rootA] < ranks[rootB] { swap(&rootA, &rootB) }
        parents[rootB] = rootA
        if ranks[rootA] == ranks[rootB] { ranks[rootA] += 1 }
        return true
    }
}
