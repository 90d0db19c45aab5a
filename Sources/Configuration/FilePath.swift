import Foundation

/// Lexical operations on `/`-separated paths. Nothing here touches the file system except reading the current
/// directory, so symbolic links are not resolved: `..` removes the previous component, as a shell's `cd` does.
enum FilePath {
    /// The directory part of `path`: `a/b.toml` → `a`, `b.toml` → `.`, `/b.toml` → `/`.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` relative to `directory`; absolute paths and paths relative to `.` are returned unchanged.
    static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") || directory == "." || directory.isEmpty { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// `path` made absolute against the current directory, without `.`, `..` or repeated slashes.
    static func absolute(_ path: String) -> String {
        standardized(join(FileManager.default.currentDirectoryPath, path))
    }

    /// An absolute path without `.`, `..` or repeated slashes.
    static func standardized(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// The parent of a standardized absolute directory, or nil for the root.
    static func parent(of directory: String) -> String? {
        directory == "/" ? nil : self.directory(of: directory)
    }
}
