import DatasetText
import Diagnostics

/// Applies fixes to a file's text: each fix whole or not at all, never two that touch the same bytes.
public enum FixApplier {
    public struct Outcome: Sendable {
        public let bytes: [UInt8]
        public let applied: Int
        /// Fixes left out because they overlapped one applied before them (in file order).
        public let skipped: Int
    }

    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> Outcome {
        let document = TextDocument(bytes: bytes)
        var chosen: [(range: Range<Int>, text: [UInt8])] = []
        var applied = 0
        var skipped = 0
        let ordered = fixes.map { fix in
            (fix, fix.edits.map { edit in
                (range: document.byteOffset(of: edit.range.start)..<document.byteOffset(of: edit.range.end),
                 text: Array(edit.newText.utf8))
            })
        }.sorted { ($0.1.map(\.range.lowerBound).min() ?? 0) < ($1.1.map(\.range.lowerBound).min() ?? 0) }
        for (_, edits) in ordered {
            let clashes = edits.contains { edit in chosen.contains { Self.overlap($0.range, edit.range) } }
            if clashes {
                skipped += 1
                continue
            }
            chosen.append(contentsOf: edits)
            applied += 1
        }
        var result = bytes
        for edit in chosen.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: edit.text)
        }
        return Outcome(bytes: result, applied: applied, skipped: skipped)
    }

    /// Two insertions at the same place clash too: their order would be arbitrary.
    private static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.overlaps(b) || a.lowerBound == b.lowerBound
    }
}
