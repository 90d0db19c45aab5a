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
        let (chosen, skipped) = FixSelection.nonOverlapping(fixes)
        var result = bytes
        let edits = chosen.flatMap(\.edits).map { edit in
            (range: document.byteOffset(of: edit.range.start)..<document.byteOffset(of: edit.range.end),
             text: Array(edit.newText.utf8))
        }
        // From the end, so that the offsets of edits still to come stay valid.
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: edit.text)
        }
        return Outcome(bytes: result, applied: chosen.count, skipped: skipped)
    }
}
