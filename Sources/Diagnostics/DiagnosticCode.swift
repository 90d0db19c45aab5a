/// The stable identifier of a kind of diagnostic: `family/name`, such as `format/unknown-role`.
///
/// Codes are part of datalint's interface — waivers, `--select`/`--ignore`, severity overrides and editor
/// settings name them — so a code, once released, never changes meaning.
public struct DiagnosticCode: Hashable, Sendable, Comparable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The family, the part before the first `/` (`format` for `format/unknown-role`).
    public var family: String {
        rawValue.firstIndex(of: "/").map { String(rawValue[..<$0]) } ?? rawValue
    }

    /// The name inside the family, the part after the first `/`.
    public var name: String {
        rawValue.firstIndex(of: "/").map { String(rawValue[rawValue.index(after: $0)...]) } ?? rawValue
    }

    /// True when a selector (`format`, `format/`, or a whole code) names this code.
    public func matches(selector: String) -> Bool {
        if selector == rawValue || selector == family { return true }
        return selector.hasSuffix("/") && rawValue.hasPrefix(selector)
    }

    public var description: String { rawValue }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What datalint documents about a code: its default severity, a one-line summary and its docs page.
public struct CodeDescriptor: Sendable, Hashable {
    public let code: DiagnosticCode
    public let defaultSeverity: Severity
    public let summary: String

    public init(_ code: DiagnosticCode, _ defaultSeverity: Severity, _ summary: String) {
        self.code = code
        self.defaultSeverity = defaultSeverity
        self.summary = summary
    }

    /// The docs page of the code's family, relative to the repository root (`docs/format.md`).
    public var documentationPath: String { "docs/\(code.family).md" }

    /// The anchor of the code's section on that page (`format-unknown-role`).
    public var documentationAnchor: String { code.rawValue.replacingOccurrences(of: "/", with: "-") }
}

extension String {
    fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
