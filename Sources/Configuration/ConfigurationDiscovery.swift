import Foundation

/// Finds the `datalint.toml` that applies to a dataset: the first one in the dataset's directory or, walking up,
/// in one of its ancestors, up to the file-system root. So a repository-wide file at the top applies everywhere,
/// and a directory can override it with a file of its own.
public enum ConfigurationDiscovery {
    public static let fileName = "datalint.toml"

    /// The configuration for the dataset file at `datasetPath` (for standard input, use the current directory
    /// with `nearestConfiguration(from:)`). Returns an absolute path, or nil when there is none.
    public static func nearestConfiguration(forDatasetAt datasetPath: String) -> String? {
        nearestConfiguration(from: FilePath.directory(of: FilePath.absolute(datasetPath)))
    }

    /// The nearest configuration file in `directory` or above it, as an absolute path.
    public static func nearestConfiguration(from directory: String, fileName: String = fileName) -> String? {
        var candidateDirectory: String? = FilePath.absolute(directory)
        while let current = candidateDirectory {
            let candidate = FilePath.join(current, fileName)
            if isRegularFile(candidate) { return candidate }
            candidateDirectory = FilePath.parent(of: current)
        }
        return nil
    }

    static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}

extension ConfigurationDiscovery {
    /// The user's own configuration, `$XDG_CONFIG_HOME/datalint/datalint.toml` (else `~/.config/…`), when it exists:
    /// where a person names the plugins they always want. Unlike a repository's file it is trusted — the user wrote it.
    public static func userConfiguration(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { FilePath.join($0, ".config") }
        guard let base else { return nil }
        let path = FilePath.join(FilePath.join(base, "datalint"), fileName)
        return isRegularFile(path) ? path : nil
    }
}
