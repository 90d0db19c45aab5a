import DatasetText

extension Diagnostic {
    /// The fix applied without asking (`datalint check --fix`, the editor's fix-all): the first preferred one.
    public var preferredFix: Fix? { fixes.first(where: \.isPreferred) }
}

/// Which fixes can be applied together: taken in document order, each whole, none touching what an earlier one
/// edits. `--fix` and the language server's fix-all choose with this one rule, so both rewrite a file alike.
public enum FixSelection {
    public static func nonOverlapping(_ fixes: [Fix]) -> (chosen: [Fix], skipped: Int) {
        let ordered = fixes.sorted { start(of: $0) < start(of: $1) }
        var chosen: [Fix] = []
        var edited: [SourceRange] = []
        for fix in ordered {
            if fix.edits.contains(where: { edit in edited.contains { clash($0, edit.range) } }) { continue }
            chosen.append(fix)
            edited.append(contentsOf: fix.edits.map(\.range))
        }
        return (chosen, fixes.count - chosen.count)
    }

    private static func start(of fix: Fix) -> SourcePosition {
        fix.edits.map(\.range.start).min() ?? SourcePosition(line: 0, utf8Column: 0, utf16Column: 0)
    }

    /// Overlapping ranges clash, and so do two insertions at one place: their order would be arbitrary.
    private static func clash(_ a: SourceRange, _ b: SourceRange) -> Bool {
        (a.start < b.end && b.start < a.end) || a.start == b.start
    }
}
