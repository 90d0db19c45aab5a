import Diagnostics

/// A waiver file: which diagnostics on which records the user has accepted.
///
/// Lookups are by (file, code, record hash), so a waiver keeps working when records are added, removed or
/// reordered around its record, and stops working (goes stale) when its record's bytes change. Files are named
/// relative to the waiver file's directory; `relativePath(ofDataset:)` turns a dataset path into that form.
///
/// A run uses it in three steps: `waive` each diagnostic (which checks and marks the waiver used), then ask for
/// `staleWaivers(checkedFiles:)`; with `--add-waivers`, `add` the remaining diagnostics and `write()`.
public struct WaiverFile: Sendable {
    /// The waiver file's path, as it was given.
    public let path: String
    /// The file's bytes as read, rewritten unchanged (comments, order, line endings) before any added waivers.
    let originalBytes: [UInt8]
    /// The waivers read from the file, each with its 0-based line.
    let entries: [(waiver: Waiver, line: Int)]
    private let entryKeys: Set<WaiverKey>
    private var usedKeys: Set<WaiverKey> = []
    /// Waivers added since loading, each with its record's 0-based line, for sorting.
    private(set) var additions: [(waiver: Waiver, line: Int)] = []
    private var additionKeys: Set<WaiverKey> = []

    init(path: String, originalBytes: [UInt8], entries: [(waiver: Waiver, line: Int)]) {
        self.path = path
        self.originalBytes = originalBytes
        self.entries = entries
        self.entryKeys = Set(entries.map(\.waiver.key))
    }

    /// Every waiver: those read from the file in file order, then those added, in the order they will be written.
    public var waivers: [Waiver] { entries.map(\.waiver) + additions.map(\.waiver) }

    /// True when a waiver read from the file, or added since, covers `code` on the record hashed `record` in `file`
    /// (relative to the waiver file's directory).
    public func isWaived(file: String, code: DiagnosticCode, record: RecordHash) -> Bool {
        // Most runs have no waivers; normalizing the path of every diagnostic for nothing cost 5% of a run on a
        // dataset full of personal data.
        guard !entryKeys.isEmpty || !additionKeys.isEmpty else { return false }
        let key = WaiverKey(file: WaiverPaths.normalized(file), code: code, record: record)
        return contains(key)
    }

    /// Records that a diagnostic matched the waiver for (`file`, `code`, `record`), so it is not stale.
    public mutating func markUsed(file: String, code: DiagnosticCode, record: RecordHash) {
        usedKeys.insert(WaiverKey(file: WaiverPaths.normalized(file), code: code, record: record))
    }

    /// `isWaived`, marking the waiver used when there is one: what a run calls for each diagnostic.
    public mutating func waive(file: String, code: DiagnosticCode, record: RecordHash) -> Bool {
        guard isWaived(file: file, code: code, record: record) else { return false }
        markUsed(file: file, code: code, record: record)
        return true
    }

    func wasUsed(_ waiver: Waiver) -> Bool { usedKeys.contains(waiver.key) }

    func contains(_ key: WaiverKey) -> Bool {
        entryKeys.contains(key) || additionKeys.contains(key)
    }

    mutating func append(_ waiver: Waiver, line: Int) {
        additions.append((waiver, line))
        additionKeys.insert(waiver.key)
    }
}
