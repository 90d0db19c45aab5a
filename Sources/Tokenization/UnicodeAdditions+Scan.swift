extension UnicodeAdditions {
    /// Every character on which PCRE2's own classes and tiktoken's differ: U+180E (white space to PCRE2 only)
    /// and all of `ranges`, merged and sorted. None is below U+0800, so ASCII and two-byte UTF-8 never hold one.
    static let affectedScalars: [ClosedRange<UInt32>] = {
        let all: [ClosedRange<UInt32>] = ranges.values.flatMap { $0 } + [0x180E...0x180E]
        var merged: [ClosedRange<UInt32>] = []
        for range in all.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }()

    /// Whether valid UTF-8 `text` holds one of `affectedScalars`, and so needs the exact pattern. Reads eight
    /// bytes at a time while they are ASCII; decodes only three- and four-byte characters.
    static func containsAffectedScalar(_ text: UnsafeRawBufferPointer) -> Bool {
        let count = text.count
        var index = 0
        while index < count {
            if index + 8 <= count, text.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = text[index]
            if lead < 0xE0 {
                index += lead < 0x80 ? 1 : 2
                continue
            }
            var scalar: UInt32
            if lead < 0xF0 {
                scalar = UInt32(lead & 0x0F) << 12 | UInt32(text[index + 1] & 0x3F) << 6 | UInt32(text[index + 2] & 0x3F)
                index += 3
            } else {
                scalar = UInt32(lead & 0x07) << 18 | UInt32(text[index + 1] & 0x3F) << 12
                    | UInt32(text[index + 2] & 0x3F) << 6 | UInt32(text[index + 3] & 0x3F)
                index += 4
            }
            if isAffected(scalar) { return true }
        }
        return false
    }

    @inline(__always)
    static func isAffected(_ scalar: UInt32) -> Bool {
        let ranges = affectedScalars
        guard scalar >= ranges[0].lowerBound, scalar <= ranges[ranges.count - 1].upperBound else { return false }
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < scalar { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(scalar)
    }
}
