import Diagnostics

/// A severity as the configuration names it: one of the four, or `off` to not report the code at all.
public enum SeveritySetting: String, Sendable, CaseIterable, Hashable {
    case error
    case warning
    case info
    case hint
    case off

    /// The severity to report with, or nil for `off`.
    public var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .hint: .hint
        case .off: nil
        }
    }
}

/// Severity overrides by code (`format/unknown-key`) or family (`format`), from `[severity]` and the command
/// line. An override for a code beats one for its family, whatever order they were written in.
public struct SeverityOverrides: Sendable, Equatable {
    /// Settings by selector; a `family/` selector is stored as `family`, since both name the whole family.
    public private(set) var settings: [String: SeveritySetting] = [:]

    public init(_ settings: [String: SeveritySetting] = [:]) {
        for (selector, setting) in settings { self[selector] = setting }
    }

    /// The setting written for exactly this code or family.
    public subscript(selector: String) -> SeveritySetting? {
        get { settings[Self.normalized(selector)] }
        set { settings[Self.normalized(selector)] = newValue }
    }

    /// The severity `code` is reported with, or nil when it is turned off.
    public func effectiveSeverity(of code: DiagnosticCode, default defaultSeverity: Severity) -> Severity? {
        guard let setting = settings[code.rawValue] ?? settings[code.family] else { return defaultSeverity }
        return setting.severity
    }

    /// These overrides with `other`'s on top (the command line's over the file's).
    public func merging(_ other: SeverityOverrides) -> SeverityOverrides {
        var merged = self
        merged.settings.merge(other.settings) { _, newer in newer }
        return merged
    }

    /// The form `DiagnosticPolicy.severityOverrides` takes: nil turns a code off.
    public var policyOverrides: [String: Severity?] {
        settings.mapValues(\.severity)
    }

    static func normalized(_ selector: String) -> String {
        selector.hasSuffix("/") ? String(selector.dropLast()) : selector
    }
}
