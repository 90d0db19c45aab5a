import DatasetIO
import DatasetProfile
import LengthStage
import RecordScanner

/// Feeding the lines of a dataset to a `DatasetProfile` for `datalint/stats`.
enum DocumentProfile {
    /// Adds every line of a chunk, tokenizing each record.
    static func add(_ chunk: [UInt8], to profile: inout DatasetProfile) {
        var scanner = RecordScanner()
        var record = ParsedRecord()
        LineSplitter.forEachLine(in: chunk) { range in
            scanner.scan(chunk, lineRange: range, lineNumber: 0, into: &record)
            profile.add(record, isBlank: LineSplitter.isBlank(chunk[range]))
        }
    }

    /// Adds every line of an open document with the token counts kept for it (`counted`, one per line). False when
    /// the request was cancelled.
    static func add(_ lines: DocumentLines, counted: [LengthFacts?], to profile: inout DatasetProfile) -> Bool {
        var scanner = RecordScanner()
        var record = ParsedRecord()
        for line in 0..<min(lines.count, counted.count) where !lines.isTrailingEmptyLine(line) {
            if line % 4096 == 0 && Task.isCancelled { return false }
            let storage = lines.storage(line)
            scanner.scan(storage.bytes, lineRange: storage.contentRange, lineNumber: 0, into: &record)
            profile.add(record, isBlank: LineSplitter.isBlank(storage.bytes[storage.contentRange]), lengths: counted[line]?.recordLengths)
        }
        return true
    }
}
