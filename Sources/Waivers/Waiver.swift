import Diagnostics

/// Permission for one diagnostic code on one record of one file.
public struct Waiver: Hashable, Sendable {
    public var code: DiagnosticCode
    public var record: RecordHash
    /// The dataset file, relative to the waiver file's directory, `/`-separated.
    public var file: String
    /// The comment after the waiver (`line 12`), for people; it has no effect.
    public var note: String?

    public init(code: DiagnosticCode, record: RecordHash, file: String, note: String? = nil) {
        self.code = code
        self.record = record
        self.file = WaiverPaths.normalized(file)
        self.note = note
    }

    /// What a waiver matches: the note is not part of it.
    var key: WaiverKey { WaiverKey(file: file, code: code, record: record) }
}

/// The identity of a waiver: a diagnostic with this code, on a record with this hash, in this file.
struct WaiverKey: Hashable, Sendable {
    let file: String
    let code: DiagnosticCode
    let record: RecordHash
}
