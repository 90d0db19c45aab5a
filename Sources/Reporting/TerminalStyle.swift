import Diagnostics

/// ANSI styling for the human format, or none: every method returns its text unchanged when disabled, so
/// callers never branch on colour themselves.
struct TerminalStyle: Hashable, Sendable {
    var isEnabled: Bool

    private static let reset = "\u{1B}[0m"
    private static let bold = "\u{1B}[1m"

    /// Bold red for errors, bold yellow for warnings, bold blue for infos and hints.
    func severity(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .error: styled(text, "\u{1B}[1;31m")
        case .warning: styled(text, "\u{1B}[1;33m")
        case .info, .hint: styled(text, "\u{1B}[1;34m")
        }
    }

    func bold(_ text: String) -> String { styled(text, Self.bold) }

    private func styled(_ text: String, _ code: String) -> String {
        isEnabled ? code + text + Self.reset : text
    }
}
