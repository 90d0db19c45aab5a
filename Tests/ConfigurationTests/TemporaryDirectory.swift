import Foundation

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = FilePaths.standardized(base + "/datalint-config-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Creates `relativePath` (and its parent directories) holding `bytes`; returns its absolute path.
    @discardableResult
    func write(_ bytes: [UInt8], to relativePath: String) throws -> String {
        let file = path + "/" + relativePath
        try makeDirectory(FilePaths.parent(of: relativePath))
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> String {
        try write(Array(text.utf8), to: relativePath)
    }

    /// Creates `relativePath` and its parents; returns its absolute path.
    @discardableResult
    func makeDirectory(_ relativePath: String) throws -> String {
        let directory = relativePath.isEmpty ? path : path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }
}

/// Path helpers for tests, independent of the module's own.
enum FilePaths {
    static func parent(of relativePath: String) -> String {
        relativePath.lastIndex(of: "/").map { String(relativePath[..<$0]) } ?? ""
    }

    /// Without a trailing slash or `//`, so the module's standardized paths compare equal.
    static func standardized(_ path: String) -> String {
        "/" + path.split(separator: "/").joined(separator: "/")
    }
}
