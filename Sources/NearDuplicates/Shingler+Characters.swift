import Hashing

extension Shingler {
    /// A character shingle is the XXH3-64 hash of the bytes of n consecutive code points, hashed in place.
    func characterShingleHashes(_ text: [UInt8], n: Int) -> [UInt64] {
        // Where each code point starts; UTF-8 continuation bytes are 0b10xxxxxx.
        var starts = [Int]()
        starts.reserveCapacity(text.count)
        for index in text.indices where text[index] & 0xC0 != 0x80 {
            starts.append(index)
        }
        guard !starts.isEmpty else { return [] }
        let windows = max(starts.count - n + 1, 1)
        var shingles = [UInt64]()
        shingles.reserveCapacity(windows)
        for window in 0..<windows {
            let end = window + n < starts.count ? starts[window + n] : text.count
            shingles.append(XXH3.hash64(text[starts[window]..<end], seed: seed))
        }
        return shingles
    }
}
