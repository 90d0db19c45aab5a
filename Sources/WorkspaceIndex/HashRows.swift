/// Rows of one hash table for records being written, in the table's order (by hash, the file being the same for
/// all): rows written in the table's order append to the end of its b-tree instead of landing at random places
/// in it.
struct HashRows {
    /// One row, with the hash as SQLite stores and orders it (the signed bit pattern).
    struct Row {
        var hash: Int64
        var line: Int64
    }

    let rows: [Row]

    init(_ kind: HashKind, of records: [IndexedRecord]) {
        var rows: [Row] = []
        func add(_ hash: UInt64, _ record: IndexedRecord) {
            rows.append(Row(hash: Int64(bitPattern: hash), line: Int64(record.line)))
        }
        switch kind {
        case .exact:
            rows.reserveCapacity(records.count)
            for record in records { add(record.exactHash, record) }
        case .prompt:
            rows.reserveCapacity(records.count)
            for record in records { if let hash = record.promptHash { add(hash, record) } }
        case .band:
            rows.reserveCapacity(records.reduce(0) { $0 + $1.bandKeys.count })
            for record in records { for key in record.bandKeys { add(key, record) } }
        }
        self.rows = Self.sortedByHash(rows)
    }

    /// A least-significant-digit radix sort by hash, 16 bits a pass: a large file has millions of band rows, and
    /// sorting them by comparison took almost half as long as writing them.
    private static func sortedByHash(_ input: [Row]) -> [Row] {
        guard input.count > 256 else { return input.sorted { $0.hash < $1.hash } }
        let passes = 4, buckets = 1 << 16
        // Flipping the sign bit turns signed order into unsigned order, which the digits sort by.
        func digit(_ row: Row, _ pass: Int) -> Int {
            Int(truncatingIfNeeded: ((UInt64(bitPattern: row.hash) ^ (1 << 63)) >> UInt64(16 * pass)) & 0xFFFF)
        }
        var source = input
        var target = input
        var offsets = [Int](repeating: 0, count: passes * buckets)
        offsets.withUnsafeMutableBufferPointer { offsets in
            for row in source {
                for pass in 0..<passes { offsets[pass * buckets + digit(row, pass)] += 1 }
            }
            for pass in 0..<passes {
                let base = pass * buckets
                // Rows all sharing this digit (small hashes in a test, say) would not move: skip the pass.
                if offsets[base + digit(source[0], pass)] == source.count { continue }
                var start = 0
                for bucket in base..<(base + buckets) {
                    (offsets[bucket], start) = (start, start + offsets[bucket])
                }
                source.withUnsafeBufferPointer { from in
                    target.withUnsafeMutableBufferPointer { to in
                        for row in from {
                            let slot = base + digit(row, pass)
                            to[offsets[slot]] = row
                            offsets[slot] += 1
                        }
                    }
                }
                swap(&source, &target)
            }
        }
        return source
    }
}
