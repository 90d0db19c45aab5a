import Diagnostics

/// The `plugin/…` family (docs/plugin.md): what went wrong with a plugin stage, reported at the record it was
/// handling so that nothing fails silently — the other stages keep running.
public enum PluginCode: String, DiagnosticCodeFamily {
    case crashed = "plugin/crashed"
    case timeout = "plugin/timeout"
    case failed = "plugin/failed"
    case invalidOutput = "plugin/invalid-output"
    case quarantined = "plugin/quarantined"

    /// A plugin that went wrong is always an error: a check that silently skipped records would be worse.
    public var defaultSeverity: Severity { .error }

    public var summary: String {
        switch self {
        case .crashed: "the plugin's process died (a crash, an abort, or the memory limit) while handling this record"
        case .timeout: "the plugin did not finish this record within the time limit and was stopped"
        case .failed: "the plugin reported that it failed"
        case .invalidOutput: "the plugin gave something datalint cannot use: a place outside the record, invalid JSON, a malformed code"
        case .quarantined: "the plugin failed too often and is not called again in this run"
        }
    }
}
