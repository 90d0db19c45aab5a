internal import CUtf8proc

extension Normalizer {
    /// Normalizes valid UTF-8: ASCII bytes through a table, everything else through utf8proc.
    ///
    /// Chat text is mostly ASCII with a few accented letters, quotes or emoji, so only the non-ASCII runs go
    /// through utf8proc, each with the ASCII character just before it (the base a combining mark may compose
    /// with). Splitting there is safe: an ASCII character never composes with or reorders around what follows
    /// it, and utf8proc's case folding is context-free.
    func normalizeValidUTF8(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var writer = NormalizedWriter(options: options, capacity: bytes.count)
        var codepoints = [Int32](repeating: 0, count: 64)
        var index = 0
        while index < bytes.count {
            // ASCII up to the last byte before a non-ASCII one, which may combine with what follows.
            var runEnd = index
            while runEnd < bytes.count && bytes[runEnd] < 0x80 { runEnd += 1 }
            if runEnd < bytes.count && runEnd > index { runEnd -= 1 }
            if runEnd > index {
                writer.append(asciiRun: UnsafeRawBufferPointer(rebasing: bytes[index..<runEnd]))
                index = runEnd
                continue
            }
            var end = index + 1
            while end < bytes.count && bytes[end] >= 0x80 { end += 1 }
            let count = decompose(UnsafeRawBufferPointer(rebasing: bytes[index..<end]), into: &codepoints)
            for codepoint in codepoints[..<count] {
                writer.append(codepoint: codepoint)
            }
            index = end
        }
        return writer.bytes
    }

    /// Decodes `bytes` (valid UTF-8) into `buffer`, case-folded and in NFC as the options ask; returns how many
    /// code points it wrote. The buffer grows as needed and is reused by the caller across runs.
    private func decompose(_ bytes: UnsafeRawBufferPointer, into buffer: inout [Int32]) -> Int {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else { return 0 }
        while true {
            let needed = buffer.withUnsafeMutableBufferPointer {
                datalint_utf8proc_decompose(base, bytes.count, $0.baseAddress, $0.count,
                                            options.unicodeNFC, options.caseFold)
            }
            // Only invalid UTF-8 fails, and callers pass valid UTF-8.
            precondition(needed >= 0, "utf8proc rejected valid UTF-8 (error \(needed))")
            if needed > buffer.count {
                buffer = [Int32](repeating: 0, count: needed)
                continue
            }
            let length = buffer.withUnsafeMutableBufferPointer {
                datalint_utf8proc_compose($0.baseAddress, needed, options.unicodeNFC)
            }
            precondition(length >= 0, "utf8proc failed to compose (error \(length))")
            return length
        }
    }
}
