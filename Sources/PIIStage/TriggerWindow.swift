import MultiPatternScanning
import RecordScanner

/// Trigger matches for a run of consecutive lines of one chunk, found by one scan of all of them.
///
/// Records of a chunk arrive one by one, but scanning each line on its own costs Vectorscan's set-up and the
/// prefilter's partial last block once per line: about an eighth of the stage's cost on chat text. So the first
/// record not covered scans a window of the chunk from its line on, and the records after it take their
/// matches from that scan.
///
/// The window keeps the chunk's array, which keeps its buffer alive: a record whose storage has the same base
/// address and length is then in the same chunk (no other live array can have that buffer). So each thread holds
/// on to one chunk until its next window starts.
struct TriggerWindow {
    /// The bytes scanned after a window's first line (or that line and the padding, if it is longer).
    static let defaultSize = 64 * 1024

    private var storage: [UInt8] = []
    /// Lines inside `covered` (offsets into `storage`) have all their matches in `matches`.
    private var covered = 0..<0
    /// Matches ending inside `covered`, with offsets from its start, ordered by end offset. (Trigger matches
    /// carry no start: see `Match`.)
    private var matches: [Match] = []

    /// Whether the record's line was scanned by the current window.
    func covers(_ record: ParsedRecord) -> Bool {
        let line = record.lineRange
        guard covered.lowerBound <= line.lowerBound, line.upperBound <= covered.upperBound else { return false }
        return storage.withUnsafeBytes { kept in
            record.storage.withUnsafeBytes { given in
                kept.baseAddress == given.baseAddress && kept.count == given.count
            }
        }
    }

    /// Scans a new window that starts at the record's line: `scan` gets the window's text followed by at least
    /// `DecodedString.scanPadding` bytes of the chunk (Vectorscan needs them after a match; see
    /// `PIIStage.scanTriggers`) and appends matches with offsets from the start of that buffer. False when
    /// `scan` fails. The new window does not cover a line that ends too near the chunk's end for the padding.
    mutating func refill(for record: ParsedRecord, size: Int = defaultSize,
                         scan: (UnsafeRawBufferPointer, _ textLength: Int, inout [Match]) -> Bool) -> Bool {
        let start = record.lineRange.lowerBound
        let padding = DecodedString.scanPadding
        let bufferEnd = min(record.storage.count, start + max(size, record.lineRange.count + padding))
        let end = max(start, bufferEnd - padding)
        storage = record.storage
        covered = start..<end
        matches.removeAll(keepingCapacity: true)
        let scanned = end == start || storage.withUnsafeBytes { bytes in
            scan(UnsafeRawBufferPointer(rebasing: bytes[start..<bufferEnd]), end - start, &matches)
        }
        guard scanned else {
            covered = 0..<0
            return false
        }
        // Matches ending in the padding belong to lines that a later window covers.
        matches.removeAll { $0.range.upperBound > end - start }
        // Literal matches come by end offset; those of shaped triggers, region by region, may not.
        if !isOrderedByEnd(matches) { matches.sort { $0.range.upperBound < $1.range.upperBound } }
        return true
    }

    /// Appends the matches whose last byte lies in the record's line, with offsets from the line's start.
    /// The record must be covered.
    func matches(in record: ParsedRecord, into found: inout [Match]) {
        let start = covered.lowerBound
        let line = (record.lineRange.lowerBound - start)..<(record.lineRange.upperBound - start)
        var low = 0, high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle].range.upperBound <= line.lowerBound { low = middle + 1 } else { high = middle }
        }
        while low < matches.count, matches[low].range.upperBound <= line.upperBound {
            let range = matches[low].range
            let lowerBound = max(0, range.lowerBound - line.lowerBound)
            found.append(Match(id: matches[low].id, range: lowerBound..<(range.upperBound - line.lowerBound)))
            low += 1
        }
    }

    private func isOrderedByEnd(_ matches: [Match]) -> Bool {
        matches.indices.dropFirst().allSatisfy { matches[$0 - 1].range.upperBound <= matches[$0].range.upperBound }
    }
}
