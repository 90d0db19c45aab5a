import Diagnostics

/// Which diagnostics a run reports, and how severe they are: `--select`, `--ignore` and severity overrides.
public struct DiagnosticPolicy: Sendable {
    /// Selectors (`format`, `format/`, `format/unknown-role`) to report; empty means everything.
    public var select: [String]
    public var ignore: [String]
    /// Severity overrides by code or family; nil turns the code off. The most specific selector wins.
    public var severityOverrides: [String: Severity?]

    public init(select: [String] = [], ignore: [String] = [], severityOverrides: [String: Severity?] = [:]) {
        self.select = select
        self.ignore = ignore
        self.severityOverrides = severityOverrides
    }

    /// Applies the policy; returns false when the diagnostic is not to be reported.
    public func admit(_ diagnostic: inout Diagnostic) -> Bool {
        let code = diagnostic.code
        if !select.isEmpty && !select.contains(where: code.matches(selector:)) { return false }
        if ignore.contains(where: code.matches(selector:)) { return false }
        if let override = severityOverrides[code.rawValue] ?? severityOverrides[code.family] {
            guard let severity = override else { return false }
            diagnostic.severity = severity
        }
        return true
    }

    /// True when some code of `stage` can be reported at all (so a stage nobody selected need not run).
    public func admitsAny(of codes: [CodeDescriptor]) -> Bool {
        codes.contains { descriptor in
            var probe = Diagnostic(code: descriptor.code, severity: descriptor.defaultSeverity, message: "",
                                   range: .lineStart(0))
            return admit(&probe)
        }
    }
}
