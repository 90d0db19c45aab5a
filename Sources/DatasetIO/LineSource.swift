#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives back the bytes of some lines of the dataset a check is about, once the check has moved past them: stages
/// keep no text of the records they have seen, so what needs it at the end (a `dedup` aggregate measuring
/// near-duplicates whose MinHash estimate is too close to the threshold to trust; a plugin's findings from `finish`,
/// placed at their exact ranges) reads those few lines again.
public protocol LineSource: Sendable {
    /// The bytes (without line ending) of each of `lines` (0-based) that exists.
    func lines(_ lines: Set<Int>) -> [Int: [UInt8]]
}

/// The lines of a dataset file, read again from disk (a streaming pass; compressed files too).
public struct DatasetFileLines: LineSource {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The lines of `path` when it is a regular file; nil for what reads once (standard input, a pipe, a process
    /// substitution) or not at all, where reading again would find nothing.
    public init?(readingAgain path: String) {
        var status = stat()
        guard path != "-", stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.path = path
    }

    public func lines(_ wanted: Set<Int>) -> [Int: [UInt8]] {
        guard !wanted.isEmpty, let last = wanted.max(), var reader = try? DatasetReader(path: path) else { return [:] }
        defer { reader.close() }
        var found: [Int: [UInt8]] = [:]
        while let chunk = try? reader.nextChunk() {
            var line = chunk.firstLine
            LineSplitter.forEachLine(in: chunk.bytes) { range in
                if wanted.contains(line) { found[line] = Array(chunk.bytes[range]) }
                line += 1
            }
            if line > last { break }
        }
        return found
    }
}
