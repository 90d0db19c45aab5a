/// A short piece of a source line to show under a diagnostic: long lines are cut around the range.
public struct SourceExcerpt: Hashable, Sendable {
    /// The excerpt, decoded leniently (invalid bytes become U+FFFD).
    public var text: String
    /// The UTF-8 column in the line where `text` starts.
    public var startColumn: Int
    public var isCutBefore: Bool
    public var isCutAfter: Bool

    public init(text: String, startColumn: Int, isCutBefore: Bool, isCutAfter: Bool) {
        self.text = text
        self.startColumn = startColumn
        self.isCutBefore = isCutBefore
        self.isCutAfter = isCutAfter
    }
}

/// A diagnostic as reported for a file: where it is, the source it points at, and the record it belongs to.
public struct FileDiagnostic: Hashable, Sendable {
    /// The path as the user named it (`-` or `<stdin>` for standard input).
    public var file: String
    public var diagnostic: Diagnostic
    public var excerpt: SourceExcerpt?
    /// The content hash of the record the diagnostic is on, which waivers refer to.
    public var recordHash: UInt64?

    public init(file: String, diagnostic: Diagnostic, excerpt: SourceExcerpt? = nil, recordHash: UInt64? = nil) {
        self.file = file
        self.diagnostic = diagnostic
        self.excerpt = excerpt
        self.recordHash = recordHash
    }
}

/// Counts for the summary line of a run.
public struct CheckSummary: Hashable, Sendable {
    public var files = 0
    public var records = 0
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    public var hints = 0
    public var waived = 0

    public init() {}

    public mutating func count(_ severity: Severity) {
        switch severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: infos += 1
        case .hint: hints += 1
        }
    }
}
