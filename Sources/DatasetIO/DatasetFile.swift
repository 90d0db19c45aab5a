import Foundation

/// Whole-file reads, for the rare paths that need a file in memory at once (applying fixes).
public enum DatasetFile {
    public static func read(_ path: String) throws(DatasetIOError) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw DatasetIOError(.notReadable, path: path, reason: "cannot read: \(error.localizedDescription)")
        }
    }
}
