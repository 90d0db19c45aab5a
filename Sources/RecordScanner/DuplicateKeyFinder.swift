/// Finds keys that occur twice in one object. Keys are compared by their decoded value, so `"a"` and
/// `"\u0061"` are the same key, as they are to every JSON consumer.
struct DuplicateKeyFinder {
    let line: UnsafeRawBufferPointer
    let nodes: [JSONNode]

    /// Objects this small are checked pairwise, which is cheaper than hashing for the usual handful of keys.
    private static let pairwiseLimit = 12

    func find(in object: Int, into duplicates: inout [DuplicateKey]) {
        var keys: [Int] = []
        keys.reserveCapacity(nodes[object].count)
        var key = object + 1
        for _ in 0..<nodes[object].count {
            keys.append(key)
            key = nodes[key + 1].next
        }
        if keys.count <= Self.pairwiseLimit {
            findPairwise(keys, into: &duplicates)
        } else {
            findHashed(keys, into: &duplicates)
        }
    }

    private func findPairwise(_ keys: [Int], into duplicates: inout [DuplicateKey]) {
        for later in 1..<keys.count {
            for earlier in 0..<later where sameKey(keys[earlier], keys[later]) {
                duplicates.append(DuplicateKey(keyNode: keys[later], firstKeyNode: keys[earlier]))
                break
            }
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
