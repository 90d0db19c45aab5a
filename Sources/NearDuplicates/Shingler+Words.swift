import Hashing

extension Shingler {
    /// Each word is hashed once with XXH3 (over its bytes in place, no String); a shingle's hash then mixes its
    /// n word hashes in order. That costs one XXH3 call per word instead of one per shingle over n words of
    /// bytes, and makes a shingle the sequence of its words whatever white space separated them.
    func wordShingleHashes(_ text: [UInt8], n: Int) -> [UInt64] {
        let words = wordHashes(text)
        guard !words.isEmpty else { return [] }
        let windows = max(words.count - n + 1, 1)
        let width = min(n, words.count)
        var shingles = [UInt64]()
        shingles.reserveCapacity(windows)
        for start in 0..<windows {
            // Seeding with the width keeps a short text's single shingle apart from a full one's.
            var hash = Mixing.mix64(seed ^ UInt64(width))
            for word in words[start..<(start + width)] {
                hash = Mixing.mix64(hash ^ word)
            }
            shingles.append(hash)
        }
        return shingles
    }

    /// The XXH3-64 hash of every word of `text`, in order.
    private func wordHashes(_ text: [UInt8]) -> [UInt64] {
        var hashes = [UInt64]()
        hashes.reserveCapacity(text.count / 5)
        var start: Int? = nil
        for index in text.indices {
            if Self.isSpace(text[index]) {
                if let wordStart = start {
                    hashes.append(XXH3.hash64(text[wordStart..<index], seed: seed))
                    start = nil
                }
            } else if start == nil {
                start = index
            }
        }
        if let wordStart = start {
            hashes.append(XXH3.hash64(text[wordStart...], seed: seed))
        }
        return hashes
    }

    /// ASCII white space: space, tab, line feed, vertical tab, form feed, carriage return.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
