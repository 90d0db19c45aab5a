/// Substring and prefix tests over decoded bytes, with ASCII case folding done by hand: validators ask them for
/// every candidate, and Foundation's `String` searching (`CFStringFind`) cost several percent of a dense run.
extension Bytes {
    /// The first offset in `haystack` where `needle` starts.
    static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = haystack.startIndex
        let lastStart = haystack.endIndex - needle.count
        while index <= lastStart {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Whether `haystack` holds any of `needles`.
    static func containsAny(_ needles: [[UInt8]], in haystack: ArraySlice<UInt8>) -> Bool {
        needles.contains { firstIndex(of: $0, in: haystack) != nil }
    }

    /// Whether `text` starts with `lowerCased` when its ASCII capitals are read as small letters (other bytes,
    /// UTF-8 included, compare as they are).
    static func hasPrefixIgnoringASCIICase(_ text: ArraySlice<UInt8>, _ lowerCased: [UInt8]) -> Bool {
        guard lowerCased.count <= text.count else { return false }
        var index = text.startIndex
        for expected in lowerCased {
            let byte = text[index]
            if (isUpper(byte) ? byte | 0x20 : byte) != expected { return false }
            index += 1
        }
        return true
    }

    /// `words` as UTF-8, for the tests above.
    static func utf8(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
}
