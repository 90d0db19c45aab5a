/// Splits one piece of text (one match of the pre-tokenization pattern) into tokens exactly as tiktoken's
/// `_byte_pair_merge` does: start from single bytes and, while any two neighbouring parts join into a token, join
/// the pair whose joined bytes have the lowest rank, the leftmost such pair when several have the same rank.
///
/// tiktoken rescans every pair after each merge, which costs O(n²) on a piece of n bytes; that is the fastest way
/// for the short pieces that make up almost all text, and is what this does up to `heapThreshold` bytes, with its
/// scratch memory on the stack. Longer
/// pieces (a base64 blob, a line of dashes, a word in a script the vocabulary knows little of) go through a heap
/// ordered by (rank, position), which picks the very same pair at every step (the lowest rank, then the leftmost)
/// in O(n log n).
///
/// The heap's scratch memory grows to the longest piece seen and is reused, so a merger belongs to one thread.
final class BytePairMerger {
    /// Pieces longer than this many bytes use the heap.
    static let heapThreshold = 128

    // The linear merge keeps its scratch on the stack; these are the heap merge's, grown to the longest piece.
    private var capacity = 0
    /// For each node (named by its start offset), the next node.
    private var starts: UnsafeMutablePointer<UInt32>
    /// The rank of the bytes of each node joined with the next node (`RankTable.absent` if not a token).
    private var pairRanks: UnsafeMutablePointer<UInt32>
    /// The previous node of each node.
    private var previous: UnsafeMutablePointer<UInt32>
    /// Entries `rank << 32 | node`, smallest first, some of them stale.
    private var heap: [UInt64] = []

    init() {
        starts = .allocate(capacity: 1)
        pairRanks = .allocate(capacity: 1)
        previous = .allocate(capacity: 1)
    }

    deinit {
        starts.deallocate()
        pairRanks.deallocate()
        previous.deallocate()
    }

    private func reserve(_ count: Int) {
        guard count > capacity else { return }
        let newCapacity = max(count, capacity * 2, 64)
        starts.deallocate()
        pairRanks.deallocate()
        previous.deallocate()
        starts = .allocate(capacity: newCapacity)
        pairRanks = .allocate(capacity: newCapacity)
        previous = .allocate(capacity: newCapacity)
        capacity = newCapacity
    }

    /// Merges `piece` (at least two bytes, not itself a token) and calls `emit` with the byte range of each
    /// resulting token, in order. Returns the number of tokens.
    @inline(__always)
    func merge(_ piece: UnsafeRawBufferPointer, table: RankTable.Storage,
               emit: (_ start: Int, _ end: Int) -> Void) -> Int {
        piece.count > Self.heapThreshold
            ? mergeWithHeap(piece, table: table, emit: emit)
            : mergeLinearly(piece, table: table, emit: emit)
    }

    /// tiktoken's algorithm, step for step: `starts[0..<partCount]` are the parts' start offsets followed by the
    /// piece's end; `pairRanks[i]` is the rank of part i joined with part i + 1.
    func mergeLinearly(_ piece: UnsafeRawBufferPointer, table: RankTable.Storage,
                       emit: (_ start: Int, _ end: Int) -> Void) -> Int {
        // Scratch on the stack: no allocation, and no reads of the merger's own (exclusivity-checked) properties.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * (piece.count + 1)) { scratch in
            Self.mergeLinearly(piece, table: table, starts: scratch.baseAddress.unsafelyUnwrapped,
                               pairRanks: scratch.baseAddress.unsafelyUnwrapped + piece.count + 1, emit: emit)
        }
    }

    @inline(__always)
    private static func mergeLinearly(_ piece: UnsafeRawBufferPointer, table: RankTable.Storage,
                                      starts: UnsafeMutablePointer<UInt32>, pairRanks: UnsafeMutablePointer<UInt32>,
                                      emit: (_ start: Int, _ end: Int) -> Void) -> Int {
        let length = piece.count
        let base = piece.baseAddress.unsafelyUnwrapped
        var minimumRank = RankTable.absent
        var minimumIndex = 0
        for index in 0..<length - 1 {
            let rank = table.rank(of: base + index, count: 2)
            if rank < minimumRank {
                minimumRank = rank
                minimumIndex = index
            }
            starts[index] = UInt32(index)
            pairRanks[index] = rank
        }
        starts[length - 1] = UInt32(length - 1)
        pairRanks[length - 1] = RankTable.absent
        starts[length] = UInt32(length)
        pairRanks[length] = RankTable.absent
        var partCount = length + 1

        // The rank of part `index` joined with the two parts after it, read before the middle one is removed.
        @inline(__always)
        func rankAfterMerge(_ index: Int) -> UInt32 {
            guard index + 3 < partCount else { return RankTable.absent }
            let start = Int(starts[index])
            return table.rank(of: base + start, count: Int(starts[index + 3]) - start)
        }

        while minimumRank != RankTable.absent {
            let index = minimumIndex
            if index > 0 { pairRanks[index - 1] = rankAfterMerge(index - 1) }
            pairRanks[index] = rankAfterMerge(index)
            let moved = partCount - index - 2
            (starts + index + 1).update(from: starts + index + 2, count: moved)
            (pairRanks + index + 1).update(from: pairRanks + index + 2, count: moved)
            partCount -= 1

            minimumRank = RankTable.absent
            for index in 0..<partCount - 1 where pairRanks[index] < minimumRank {
                minimumRank = pairRanks[index]
                minimumIndex = index
            }
        }
        for index in 0..<partCount - 1 { emit(Int(starts[index]), Int(starts[index + 1])) }
        return partCount - 1
    }

    /// The same merges driven by a heap. Parts are nodes of a doubly linked list named by their start offset
    /// (a merge keeps the left node), so comparing names compares positions.
    func mergeWithHeap(_ piece: UnsafeRawBufferPointer, table: RankTable.Storage,
                       emit: (_ start: Int, _ end: Int) -> Void) -> Int {
        let length = piece.count
        reserve(length + 1)
        let base = piece.baseAddress.unsafelyUnwrapped
        let next = self.starts
        let previous = self.previous
        let pairRanks = self.pairRanks
        heap.removeAll(keepingCapacity: true)
        for node in 0..<length {
            next[node] = UInt32(node + 1)
            previous[node] = UInt32(truncatingIfNeeded: node - 1)
            let rank = node + 1 < length ? table.rank(of: base + node, count: 2) : RankTable.absent
            pairRanks[node] = rank
            if rank != RankTable.absent { heap.append(UInt64(rank) << 32 | UInt64(node)) }
        }
        heapify()

        // The rank of `node` joined with the node after it.
        @inline(__always)
        func pairRank(_ node: Int) -> UInt32 {
            let middle = Int(next[node])
            guard middle < length else { return RankTable.absent }
            return table.rank(of: base + node, count: Int(next[middle]) - node)
        }

        var partCount = length
        while let top = popMinimum() {
            let node = Int(top & 0xFFFF_FFFF)
            let rank = UInt32(top >> 32)
            // Stale: the node was merged away, or its pair changed since this entry was pushed. A removed node is
            // marked by an absent pair rank, and ranks are unique, so an entry whose rank still matches is current.
            guard pairRanks[node] == rank else { continue }
            let removed = Int(next[node])
            let after = Int(next[removed])
            next[node] = UInt32(after)
            if after < length { previous[after] = UInt32(node) }
            pairRanks[removed] = RankTable.absent
            partCount -= 1

            let newRank = pairRank(node)
            pairRanks[node] = newRank
            if newRank != RankTable.absent { push(UInt64(newRank) << 32 | UInt64(node)) }
            if node > 0 {
                let left = Int(previous[node])
                let leftRank = pairRank(left)
                pairRanks[left] = leftRank
                if leftRank != RankTable.absent { push(UInt64(leftRank) << 32 | UInt64(left)) }
            }
        }
        var node = 0
        while node < length {
            let end = Int(next[node])
            emit(node, end)
            node = end
        }
        return partCount
    }

    // A binary min-heap in `heap`.

    private func heapify() {
        guard heap.count > 1 else { return }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    private func push(_ entry: UInt64) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child] < heap[parent] else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func popMinimum() -> UInt64? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        let top = heap[0]
        heap[0] = last
        siftDown(0)
        return top
    }

    private func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var smallest = left
            if left + 1 < heap.count && heap[left + 1] < heap[left] { smallest = left + 1 }
            guard heap[smallest] < heap[parent] else { return }
            heap.swapAt(smallest, parent)
            parent = smallest
        }
    }
}
