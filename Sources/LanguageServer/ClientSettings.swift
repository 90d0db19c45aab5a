import Configuration
import Jansson

/// The `datalint` settings section an editor sends (`workspace/configuration`, `didChangeConfiguration` or
/// `initializationOptions`). They are layered over each dataset's datalint.toml: the editor's `select` replaces
/// the file's, `ignore` adds to it, and severities override it code by code.
struct ClientSettings: Sendable, Equatable {
    var select: [String] = []
    var ignore: [String] = []
    var severity: [String: SeveritySetting] = [:]
    /// Stage plugins the user configured in the editor (their own choice, so always loaded), in worker processes.
    var plugins: [String] = []
    /// Load the plugins the workspace's datalint.toml names: opening a repository must never run its code unless
    /// the user says so.
    var trustWorkspace = false
    var pluginTimeout: Double?

    init() {}

    /// Reads the section leniently: an editor's settings UI is no place for hard errors, so unknown or mistyped
    /// members are skipped and reported in `problems`.
    init(_ value: JSONValue?, problems: inout [String]) {
        guard let value, case .object(let object) = value else { return }
        for member in object {
            switch member.key {
            case "select": select = Self.strings(member.value, key: "select", problems: &problems)
            case "ignore": ignore = Self.strings(member.value, key: "ignore", problems: &problems)
            case "plugins": plugins = Self.strings(member.value, key: "plugins", problems: &problems)
            case "trustWorkspace":
                guard case .bool(let trusted) = member.value else {
                    problems.append("datalint.trustWorkspace must be true or false")
                    continue
                }
                trustWorkspace = trusted
            case "pluginTimeout":
                guard let seconds = member.value.doubleValue, seconds > 0 else {
                    problems.append("datalint.pluginTimeout must be a number of seconds")
                    continue
                }
                pluginTimeout = seconds
            case "severity":
                guard case .object(let levels) = member.value else {
                    problems.append("datalint.severity must be an object of code → level")
                    continue
                }
                for level in levels {
                    if let setting = level.value.stringValue.flatMap(SeveritySetting.init) {
                        severity[level.key] = setting
                    } else {
                        problems.append("datalint.severity.\(level.key) must be error, warning, info, hint or off")
                    }
                }
            default:
                problems.append("unknown setting datalint.\(member.key); ignored")
            }
        }
    }

    private static func strings(_ value: JSONValue, key: String, problems: inout [String]) -> [String] {
        guard case .array(let elements) = value else {
            problems.append("datalint.\(key) must be a list of codes")
            return []
        }
        return elements.compactMap(\.stringValue)
    }

    func apply(to configuration: DatalintConfiguration) -> DatalintConfiguration {
        var merged = configuration
        if !select.isEmpty { merged.select = select }
        merged.ignore += ignore
        merged.severity = merged.severity.merging(SeverityOverrides(severity))
        return merged
    }
}
