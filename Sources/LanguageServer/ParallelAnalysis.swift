import Foundation
import RecordScanner
import Synchronization

/// Checks every record of a whole document on threads of its own.
///
/// The first analysis of a 200 MB document is seconds of CPU work. Run as child tasks it would fill Swift's
/// cooperative pool (two threads here), and the message loop could not run until it ended: a hover on another
/// document, a didClose or a `$/cancelRequest` would all wait. Dedicated threads leave the pool to the loop.
enum ParallelAnalysis {
    static func run(_ lines: DocumentLines, with analyzer: RecordAnalyzer) async -> [RecordAnalysis] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, lines.count / 1_000 + 1))
        let pieceSize = (lines.count + workers - 1) / workers
        let collector = Collector(pieces: workers)
        return await withCheckedContinuation { continuation in
            for worker in 0..<workers {
                let range = (worker * pieceSize)..<min(lines.count, (worker + 1) * pieceSize)
                let thread = Thread {
                    let analyses = analyze(lines, range, with: analyzer)
                    if let all = collector.store(analyses, at: worker) { continuation.resume(returning: all) }
                }
                thread.name = "datalint-analysis-\(worker)"
                thread.start()
            }
        }
    }

    private static func analyze(_ lines: DocumentLines, _ range: Range<Int>, with analyzer: RecordAnalyzer) -> [RecordAnalysis] {
        var scanner = RecordScanner(maxDepth: analyzer.plan.maxDepth)
        var record = ParsedRecord()
        return range.map { line in
            lines.isTrailingEmptyLine(line)
                ? RecordAnalysis.blank : analyzer.analyze(lines.storage(line), scanner: &scanner, record: &record)
        }
    }

    /// The workers' pieces; the last one to finish gets them all, in order.
    private final class Collector: Sendable {
        private let state: Mutex<(pieces: [[RecordAnalysis]?], remaining: Int)>

        init(pieces: Int) {
            state = Mutex((Array(repeating: nil, count: pieces), pieces))
        }

        func store(_ piece: [RecordAnalysis], at index: Int) -> [RecordAnalysis]? {
            state.withLock { state in
                state.pieces[index] = piece
                state.remaining -= 1
                return state.remaining == 0 ? state.pieces.flatMap { $0 ?? [] } : nil
            }
        }
    }
}
