/// Finds keys that occur twice in one object. Keys are compared by their decoded value, so `"a"` and
/// `"\u0061"` are the same key, as they are to every JSON consumer.
struct DuplicateKeyFinder {
    let line: UnsafeRawBufferPointer
    let nodes: [JSONNode]

    /// Objects this small are checked pairwise, which is cheaper than hashing for the usual handful of keys.
    private static let pairwiseLimit = 12

    func find(in object: Int, into duplicates: inout [DuplicateKey]) {
        let count = nodes[object].count
        if count <= Self.pairwiseLimit {
            findPairwise(in: object, count: count, into: &duplicates)
        } else {
            var keys: [Int] = []
            keys.reserveCapacity(count)
            var key = object + 1
            for _ in 0..<count {
                keys.append(key)
                key = nodes[key + 1].next
            }
            findHashed(keys, into: &duplicates)
        }
    }

    /// Compares each key with the keys before it, walking the tape rather than collecting the keys first: this
    /// runs for nearly every object of a dataset, and an array per object would cost more than the comparisons.
    private func findPairwise(in object: Int, count: Int, into duplicates: inout [DuplicateKey]) {
        var later = nodes[object + 2].next
        for _ in 1..<count {
            var earlier = object + 1
            while earlier != later {
                if sameKey(earlier, later) {
                    duplicates.append(DuplicateKey(keyNode: later, firstKeyNode: earlier))
                    break
                }
                earlier = nodes[earlier + 1].next
            }
            later = nodes[later + 1].next
        }
    }

    private func findHashed(_ keys: [Int], into duplicates: inout [DuplicateKey]) {
        var firstOccurrence: [[UInt8]: Int] = [:]
        for key in keys {
            let decoded = JSONStringDecoder.decode(line, span: nodes[key].span, hasEscapes: nodes[key].hasEscapes)
            if let first = firstOccurrence[decoded] {
                duplicates.append(DuplicateKey(keyNode: key, firstKeyNode: first))
            } else {
                firstOccurrence[decoded] = key
            }
        }
    }

    private func sameKey(_ a: Int, _ b: Int) -> Bool {
        let first = nodes[a]
        let second = nodes[b]
        if !first.hasEscapes && !second.hasEscapes {
            guard first.end - first.start == second.end - second.start else { return false }
            return memcmp(line.baseAddress! + first.start, line.baseAddress! + second.start,
                          first.end - first.start) == 0
        }
        return JSONStringDecoder.decode(line, span: first.span, hasEscapes: first.hasEscapes)
            == JSONStringDecoder.decode(line, span: second.span, hasEscapes: second.hasEscapes)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
