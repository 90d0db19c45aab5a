import DatasetText

/// A text replacement, in document positions.
public struct TextEdit: Hashable, Sendable {
    public var range: SourceRange
    public var newText: String

    public init(range: SourceRange, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// A suggested change that resolves a diagnostic.
public struct Fix: Hashable, Sendable {
    public var title: String
    public var edits: [TextEdit]
    /// True when applying this fix without looking is safe (what `--fix` and fix-all apply).
    public var isPreferred: Bool

    public init(title: String, edits: [TextEdit], isPreferred: Bool = true) {
        self.title = title
        self.edits = edits
        self.isPreferred = isPreferred
    }
}

/// Another place that explains a diagnostic (the first occurrence of a duplicate key, the record a duplicate
/// repeats). `file` is nil when the place is in the same file.
public struct RelatedInformation: Hashable, Sendable {
    public var file: String?
    public var range: SourceRange
    public var message: String

    public init(file: String? = nil, range: SourceRange, message: String) {
        self.file = file
        self.range = range
        self.message = message
    }
}

/// One finding of a stage, located exactly in the file it came from.
public struct Diagnostic: Hashable, Sendable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    public var range: SourceRange
    public var related: [RelatedInformation]
    public var fixes: [Fix]

    public init(code: DiagnosticCode, severity: Severity, message: String, range: SourceRange,
                related: [RelatedInformation] = [], fixes: [Fix] = []) {
        self.code = code
        self.severity = severity
        self.message = message
        self.range = range
        self.related = related
        self.fixes = fixes
    }

    /// The record (line) the diagnostic is about.
    public var line: Int { range.start.line }
}
