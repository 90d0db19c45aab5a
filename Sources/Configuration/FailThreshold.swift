import Diagnostics

/// The least severe diagnostic that makes a run fail (`fail_on`, `--fail-on`).
public enum FailThreshold: String, Sendable, CaseIterable {
    case error
    case warning
    case info
    /// Report, but always succeed.
    case never

    /// True when a diagnostic of `severity` makes the run fail. Hints never do.
    public func fails(on severity: Severity) -> Bool {
        switch self {
        case .error: severity.isAtLeast(.error)
        case .warning: severity.isAtLeast(.warning)
        case .info: severity.isAtLeast(.info)
        case .never: false
        }
    }

    /// True when the diagnostics counted in `summary` make the run fail (waived ones are not counted there).
    public func fails(_ summary: CheckSummary) -> Bool {
        (summary.errors > 0 && fails(on: .error)) || (summary.warnings > 0 && fails(on: .warning))
            || (summary.infos > 0 && fails(on: .info)) || (summary.hints > 0 && fails(on: .hint))
    }
}
