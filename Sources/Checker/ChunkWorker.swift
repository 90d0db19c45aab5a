import DatasetIO
import Diagnostics
import RecordScanner
import StageKit
import Waivers

/// A block of whole lines of one file, checked as a unit by one task.
public struct RecordChunk: Sendable {
    public let index: Int
    public let bytes: [UInt8]
    /// 0-based number of the chunk's first line in the file.
    public let firstLine: Int

    public init(index: Int, bytes: [UInt8], firstLine: Int) {
        self.index = index
        self.bytes = bytes
        self.firstLine = firstLine
    }
}

/// What checking a chunk produced, handed back to the file's ordered consumer.
struct ChunkOutcome: Sendable {
    let index: Int
    let records: Int
    let diagnostics: [FileDiagnostic]
    /// One opaque facts value per stage, in stage order.
    let facts: [any Sendable]
    /// The hash of each line's bytes, in line order: what waivers know file-level diagnostics' records by.
    let lineHashes: [UInt64]
}

/// Scans and checks every line of a chunk. One worker value serves one chunk on one task.
struct ChunkWorker {
    let file: String
    let stages: [AnyRecordStage]
    let policy: DiagnosticPolicy
    let maxDepth: Int

    func process(_ chunk: RecordChunk) -> ChunkOutcome {
        var scanner = RecordScanner(maxDepth: maxDepth)
        var record = ParsedRecord()
        var runs = stages.map { $0.makeChunkRun() }
        var found: [Diagnostic] = []
        var reported: [FileDiagnostic] = []
        var lineNumber = chunk.firstLine
        var records = 0
        var lineHashes: [UInt64] = []
        var lineRanges: [Range<Int>] = []
        LineSplitter.forEachLine(in: chunk.bytes) { lineRange in
            lineHashes.append(RecordHash.of(chunk.bytes[lineRange]).value)
            lineRanges.append(lineRange)
            scanner.scan(chunk.bytes, lineRange: lineRange, lineNumber: lineNumber, into: &record)
            for index in runs.indices { runs[index].check(record, into: &found) }
            if !found.isEmpty {
                report(found, line: chunk.bytes[lineRange], hash: lineHashes[lineHashes.count - 1], into: &reported)
                found.removeAll(keepingCapacity: true)
            }
            lineNumber += 1
            records += 1
        }
        for index in runs.indices { runs[index].finishChunk(into: &found) }
        if !found.isEmpty {
            // Batch stages report after the chunk's last record: their findings join the others in line order.
            for diagnostic in found {
                let offset = diagnostic.line - chunk.firstLine
                guard lineRanges.indices.contains(offset) else { continue }
                report([diagnostic], line: chunk.bytes[lineRanges[offset]], hash: lineHashes[offset], into: &reported)
            }
            reported = reported.enumerated().sorted { left, right in
                let (a, b) = (left.element.diagnostic.range.start, right.element.diagnostic.range.start)
                return (a.line, a.utf8Column, left.offset) < (b.line, b.utf8Column, right.offset)
            }.map(\.element)
        }
        return ChunkOutcome(index: chunk.index, records: records, diagnostics: reported,
                            facts: runs.indices.map { runs[$0].takeFacts() }, lineHashes: lineHashes)
    }

    /// Filters a record's diagnostics and attaches what only the line in memory can give: excerpt and hash.
    private func report(_ diagnostics: [Diagnostic], line: ArraySlice<UInt8>, hash: UInt64,
                        into reported: inout [FileDiagnostic]) {
        for var diagnostic in diagnostics where policy.admit(&diagnostic) {
            reported.append(FileDiagnostic(file: file, diagnostic: diagnostic,
                                           excerpt: ExcerptMaker.excerpt(of: line, around: diagnostic.range),
                                           recordHash: hash))
        }
    }
}
