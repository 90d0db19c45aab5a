/// How much a diagnostic matters. Cases are ordered from most to least severe.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case error
    case warning
    case info
    case hint

    /// Most severe first: `.error < .warning` is true.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// True when `self` is at least as severe as `threshold`.
    public func isAtLeast(_ threshold: Severity) -> Bool { rank <= threshold.rank }

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        case .hint: 3
        }
    }
}
