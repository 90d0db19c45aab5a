import Diagnostics

/// The codes of the `waiver/…` family: problems of the waiver file itself.
public enum WaiverCode: String, DiagnosticCodeFamily {
    case stale = "waiver/stale"
    case invalid = "waiver/invalid"

    public var defaultSeverity: Severity {
        switch self {
        case .stale: .warning
        case .invalid: .error
        }
    }

    public var summary: String {
        switch self {
        case .stale: "A waiver no longer matches any diagnostic: its record changed or the problem was fixed."
        case .invalid: "A line of the waiver file is not a waiver, a comment or blank."
        }
    }
}
