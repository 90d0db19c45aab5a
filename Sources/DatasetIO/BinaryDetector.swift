/// Tells binary data (an image, a model file, a zip) from JSONL text by its first bytes.
///
/// A NUL byte alone does not make a file binary: a JSONL file with one stray NUL deserves a diagnostic at that
/// byte, not a refusal. Binary data shows NUL bytes among many other control bytes.
enum BinaryDetector {
    static let sampleSize = 8192
    static let controlPercentThreshold = 10

    struct Evidence {
        /// 0-based line and UTF-8 column of the first NUL byte.
        let line: Int
        let column: Int
        let controlPercent: Int
    }

    static func evidence(in bytes: [UInt8]) -> Evidence? {
        let sample = bytes.prefix(sampleSize)
        guard let firstNUL = sample.firstIndex(of: 0) else { return nil }
        let controls = sample.count { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let percent = controls * 100 / sample.count
        guard percent >= controlPercentThreshold else { return nil }
        let before = sample[..<firstNUL]
        let line = before.count { $0 == 0x0A }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return Evidence(line: line, column: firstNUL - lineStart, controlPercent: percent)
    }
}
