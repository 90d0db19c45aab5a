/// Why a plugin could not be loaded: each says what to do about it.
public enum PluginLoadError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case missingEntry(path: String)
    case refusedHost(path: String, hostMajor: UInt32)
    case tooOld(path: String, major: UInt32, minor: UInt32)
    case tooNew(path: String, major: UInt32, minor: UInt32)
    case malformedDescriptor(path: String, reason: String)
    case duplicateName(name: String, path: String, otherPath: String)

    /// Stands for datalint itself as the owner of a built-in stage's name.
    static let builtIn = "datalint (built-in)"

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot load plugin \(path): \(reason)"
        case .missingEntry(let path):
            "\(path) is not a datalint stage plugin: it exports no `datalint_stage_entry` function"
        case .refusedHost(let path, let major):
            "plugin \(path) does not support this datalint's stage ABI \(major) (its entry returned no descriptor); "
                + "rebuild it against protocol/datalint_stage.h"
        case .tooOld(let path, let major, let minor):
            "plugin \(path) was built for stage ABI \(major).\(minor), older than this datalint supports "
                + "(\(PluginABI.oldestMajor)–\(PluginABI.major)); rebuild it against protocol/datalint_stage.h"
        case .tooNew(let path, let major, let minor):
            "plugin \(path) needs stage ABI \(major).\(minor), newer than this datalint's \(PluginABI.major).\(PluginABI.minor); "
                + "update datalint"
        case .malformedDescriptor(let path, let reason):
            "plugin \(path) has a malformed descriptor: \(reason)"
        case .duplicateName(let name, let path, let otherPath) where otherPath == PluginLoadError.builtIn:
            "plugin \(path) names its stage '\(name)', which is a built-in stage's name; stage names must be unique"
        case .duplicateName(let name, let path, let otherPath):
            "plugins \(otherPath) and \(path) both name their stage '\(name)'; stage names must be unique"
        }
    }
}

/// The stage ABI this host speaks (protocol/datalint_stage.h).
public enum PluginABI {
    public static let major: UInt32 = 1
    public static let minor: UInt32 = 0
    /// The oldest major version still loaded.
    public static let oldestMajor: UInt32 = 1
}
