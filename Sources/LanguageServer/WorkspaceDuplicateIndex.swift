import DatasetIO
import DuplicateStage
import Foundation
import WorkspaceIndex

/// The language server's side of the workspace index: every dataset file under the workspace folders, by its
/// hashes and band keys (never its text), so that an open dataset is compared with files that are not open.
///
/// The index lives in the user's cache directory, one database per workspace, so opening a repository writes
/// nothing into it and reopening a large workspace reads only files that changed. Open documents are written to
/// it as they are edited, so two open files see each other's current text.
actor WorkspaceDuplicateIndex {
    let roots: [String]
    private let index: WorkspaceIndex
    /// Said once: why the index on disk was rebuilt.
    private(set) var rebuildReason: String?

    init(roots: [String], path: String) throws {
        self.roots = roots
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        index = try WorkspaceIndex(path: path)
        rebuildReason = index.rebuildReason
    }

    /// `$XDG_CACHE_HOME/datalint/workspaces/<hash of the roots>.sqlite` (`~/.cache` without the variable).
    static func defaultPath(for roots: [String]) -> String {
        let environment = ProcessInfo.processInfo.environment
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache"
        return "\(cache)/datalint/workspaces/\(String(fnv1a(roots.sorted().joined(separator: "\n")), radix: 16)).sqlite"
    }

    /// A stable 64-bit name for a text (Swift's own hashes change with every process).
    private static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// The index's records are only comparable when made with the same settings (normalization, shingles, hash
    /// count, threshold — the band keys depend on it): an index made with others is emptied, and said so.
    func requireSettings(of stage: DuplicateStage) throws {
        let options = stage.options, normalization = options.normalization
        let description = "nfc=\(normalization.unicodeNFC) case=\(normalization.caseFold) space=\(normalization.collapseWhitespace) "
            + "punct=\(normalization.stripPunctuation) threshold=\(options.threshold) hashes=\(options.hashCount) words=\(options.shingleWords)"
        let key = Self.fnv1a(description)
        let recorded = try index.fingerprint(of: Self.settingsKey)
        if let recorded, recorded.contentHash != key {
            try index.rebuild()
            rebuildReason = "the workspace index was made with other [dedup] settings; rebuilt it"
        }
        if recorded?.contentHash != key {
            try index.replace(file: Self.settingsKey, fingerprint: FileFingerprint(size: 0, modificationTime: 0, contentHash: key),
                              records: [])
        }
    }

    /// Not a path: where the settings the index was made with are recorded.
    private static let settingsKey = "datalint:settings"

    /// Dataset files under the roots (hidden directories skipped), sorted.
    func datasetFiles() -> [String] {
        var found: [String] = []
        for root in roots {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name == "node_modules" {
                    walker.skipDescendants()
                } else if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") {
                    found.append(root + "/" + relative)
                }
            }
        }
        return found.sorted()
    }

    /// The files whose size or modification time differ from what the index holds, and the indexed files that are
    /// gone (removed from the index here).
    func filesToIndex(among files: [String]) -> [String] {
        let present = Set(files)
        for gone in ((try? index.indexedFiles) ?? []) where !present.contains(gone) && isUnderRoots(gone) {
            try? index.remove(file: gone)
        }
        return files.filter { file in
            guard let current = Self.fingerprint(of: file) else { return false }
            return (try? index.fingerprint(of: file)) != current
        }
    }

    func isUnderRoots(_ path: String) -> Bool {
        roots.contains { path.hasPrefix($0 + "/") }
    }

    /// The path relative to the workspace folder holding it: what evaluation patterns match and messages show.
    nonisolated func relativePath(_ path: String) -> String {
        for root in roots where path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        return path
    }

    /// Replaces a file's records. `fromDisk` records the file's fingerprint so an unchanged file is not read
    /// again; an editor buffer's records get an impossible one, so the disk version is read again once it closes.
    func replace(file: String, facts: [DuplicateFacts?], fromDisk: Bool) throws {
        let fingerprint = fromDisk ? Self.fingerprint(of: file) ?? Self.unsaved : Self.unsaved
        try withRebuild { try index.replace(file: file, fingerprint: fingerprint, records: Self.records(facts)) }
    }

    /// Writes the records of some lines of a file indexed before (an edit that moved no line).
    func update(file: String, lines: [(line: Int, facts: DuplicateFacts?)]) throws {
        try withRebuild {
            for (line, facts) in lines {
                if let facts { try index.update(file: file, record: Self.record(facts, line: line)) } else { try index.remove(file: file, line: line) }
            }
        }
    }

    func remove(file: String) throws {
        try withRebuild { try index.remove(file: file) }
    }

    /// True when the index holds `file` as it is on disk.
    func isCurrent(_ file: String) -> Bool {
        guard let current = Self.fingerprint(of: file) else { return false }
        return (try? index.fingerprint(of: file)) == current
    }

    /// What other files share with `file`: exact and prompt matches, and near-duplicate candidates verified by
    /// their signature estimate.
    func matches(ofFile file: String, threshold: Double) throws -> [IndexedCrossFileMatch] {
        try withRebuild {
            var found: [IndexedCrossFileMatch] = []
            for match in try index.exactMatches(ofFile: file) { found.append(IndexedCrossFileMatch(match, kind: .exact)) }
            for match in try index.promptMatches(ofFile: file) { found.append(IndexedCrossFileMatch(match, kind: .prompt)) }
            for candidate in try index.nearCandidates(ofFile: file) where !candidate.signature.isEmpty {
                guard candidate.signature.count == candidate.otherSignature.count else { continue }
                let similarity = DuplicateFacts.estimatedSimilarity(candidate.signature, candidate.otherSignature)
                guard similarity >= threshold else { continue }
                found.append(IndexedCrossFileMatch(line: candidate.line, other: candidate.other,
                                                   otherUTF8Length: candidate.otherUTF8Length,
                                                   otherUTF16Length: candidate.otherUTF16Length, kind: .near(similarity)))
            }
            return found
        }
    }

    /// Runs `body`; when it meets a damaged index, rebuilds it (saying so once) and lets the caller start over.
    private func withRebuild<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch where WorkspaceIndex.isDamage(error) {
            try index.rebuild(after: error)
            rebuildReason = index.rebuildReason
            throw error
        }
    }

    // MARK: Conversions

    private static let unsaved = FileFingerprint(size: -1, modificationTime: 0, contentHash: 0)

    static func fingerprint(of path: String) -> FileFingerprint? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date else { return nil }
        return FileFingerprint(size: Int64(size), modificationTime: Int64(modified.timeIntervalSince1970 * 1_000_000_000),
                               contentHash: 0)
    }

    static func records(_ facts: [DuplicateFacts?]) -> [IndexedRecord] {
        facts.enumerated().compactMap { line, facts in facts.map { record($0, line: line) } }
    }

    static func record(_ facts: DuplicateFacts, line: Int) -> IndexedRecord {
        IndexedRecord(line: line, exactHash: facts.exactHash, promptHash: facts.prompt?.promptHash, bandKeys: facts.bandKeys,
                      signature: facts.signature, utf8Length: facts.utf8Length, utf16Length: facts.utf16Length)
    }
}

/// A match the index found for a line of the file asked about.
struct IndexedCrossFileMatch: Sendable {
    let line: Int
    let other: IndexedLocation
    let otherUTF8Length: Int
    let otherUTF16Length: Int
    let kind: CrossFileMatch.Kind

    init(line: Int, other: IndexedLocation, otherUTF8Length: Int, otherUTF16Length: Int, kind: CrossFileMatch.Kind) {
        self.line = line
        self.other = other
        self.otherUTF8Length = otherUTF8Length
        self.otherUTF16Length = otherUTF16Length
        self.kind = kind
    }

    init(_ match: IndexMatch, kind: CrossFileMatch.Kind) {
        self.init(line: match.line, other: match.other, otherUTF8Length: match.otherUTF8Length,
                  otherUTF16Length: match.otherUTF16Length, kind: kind)
    }
}
