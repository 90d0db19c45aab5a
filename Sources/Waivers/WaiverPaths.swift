import Foundation

/// The `/`-separated paths of waiver files. All lexical: symbolic links are not resolved, so a dataset must be
/// named through the same directories as the waiver file for its relative path to be stable.
enum WaiverPaths {
    /// `path` without `.` components, empty components or `name/..` pairs; leading `..` are kept.
    static func normalized(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var components: [Substring] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".":
                continue
            case "..":
                if let last = components.last, last != ".." {
                    components.removeLast()
                } else if !isAbsolute {
                    components.append(component)
                }
            default:
                components.append(component)
            }
        }
        let joined = components.joined(separator: "/")
        return isAbsolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// `path` as an absolute normalized path, relative paths being taken from `currentDirectory`.
    static func absolute(_ path: String, currentDirectory: String) -> String {
        normalized(path.hasPrefix("/") ? path : currentDirectory + "/" + path)
    }

    /// The path that leads from `directory` to `target` (both absolute and normalized).
    static func relative(_ target: String, from directory: String) -> String {
        let targetComponents = target.split(separator: "/")
        let directoryComponents = directory.split(separator: "/")
        var shared = 0
        while shared < min(targetComponents.count, directoryComponents.count),
              targetComponents[shared] == directoryComponents[shared] {
            shared += 1
        }
        let ups = Array(repeating: Substring(".."), count: directoryComponents.count - shared)
        let relative = (ups + targetComponents[shared...]).joined(separator: "/")
        return relative.isEmpty ? "." : relative
    }

    /// The directory part of `path`: `a/b` → `a`, `b` → `.`, `/b` → `/`.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    static func fileName(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    static var currentDirectory: String { FileManager.default.currentDirectoryPath }
}
