import Foundation

/// Turns the command line's FILE arguments into the datasets to read: files as given, directories walked for
/// `.jsonl`/`.jsonl.gz` files, and `-` for standard input.
enum InputPaths {
    static let datasetSuffixes = [".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"]

    enum Entry: Equatable {
        case dataset(String)
        /// A directory that holds no dataset file: said plainly instead of checking nothing.
        case emptyDirectory(String)
    }

    static func expand(_ arguments: [String]) -> [Entry] {
        arguments.flatMap { argument -> [Entry] in
            var isDirectory: ObjCBool = false
            guard argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory),
                  isDirectory.boolValue else { return [.dataset(argument)] }
            let found = datasets(under: argument)
            return found.isEmpty ? [.emptyDirectory(argument)] : found.map(Entry.dataset)
        }
    }

    /// Dataset files below `directory`, sorted so that output order never depends on the file system.
    private static func datasets(under directory: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            if datasetSuffixes.contains(where: { name.hasSuffix($0) }) {
                let separator = directory.hasSuffix("/") ? "" : "/"
                found.append(directory + separator + relative)
            }
        }
        return found.sorted()
    }

    /// `path` relative to `directory` when it lies below it (both taken from the current directory), else as given;
    /// what evaluation-file patterns are matched against.
    static func relative(_ path: String, to directory: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String {
            ((path.hasPrefix("/") ? path : current + "/" + path) as NSString).standardizingPath
        }
        let full = absolute(path), base = absolute(directory)
        if base == "/" { return String(full.dropFirst()) }
        return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : path
    }
}
