import Foundation
import RecordScanner

/// The records of some JSONL files, mapped into memory, each known by its file, line and bytes.
///
/// Files are mapped rather than read: finding near duplicates looks at every record once to sign it, then again
/// only at the few records whose signatures collide, to measure them exactly.
public struct DatasetRecords: Sendable {
    public struct Location: Sendable, Hashable {
        /// Index into `paths`.
        public let file: Int
        /// 0-based line number.
        public let line: Int
        let bytes: Range<Int>
    }

    public let paths: [String]
    private let contents: [Data]
    /// Every non-blank line, in file then line order.
    public let locations: [Location]

    /// A file that could not be mapped, and why.
    public struct UnreadableFile: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Maps each file and finds its lines.
    public init(paths: [String]) throws(UnreadableFile) {
        self.paths = paths
        var contents: [Data] = []
        for path in paths {
            do {
                contents.append(try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped))
            } catch {
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                let reason = !exists ? "no such file" : isDirectory.boolValue ? "is a directory (name its .jsonl files)"
                    : "cannot be read (\((error as NSError).localizedFailureReason ?? error.localizedDescription))"
                throw UnreadableFile(path: path, reason: reason)
            }
        }
        self.contents = contents
        var locations: [Location] = []
        for (file, data) in contents.enumerated() {
            Self.lines(of: data) { line, range in locations.append(Location(file: file, line: line, bytes: range)) }
        }
        self.locations = locations
    }

    public var count: Int { locations.count }

    /// The bytes of record `index` (its line without the line ending).
    public func bytes(of index: Int) -> [UInt8] {
        let location = locations[index]
        return [UInt8](contents[location.file][location.bytes])
    }

    /// The bytes of a run of records, copied one after another into one buffer, and each record's range in it.
    func bytes(ofRecords range: Range<Int>) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(range.reduce(0) { $0 + locations[$1].bytes.count })
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(range.count)
        for index in range {
            let location = locations[index]
            let start = buffer.count
            buffer.append(contentsOf: contents[location.file][location.bytes])
            ranges.append(start..<buffer.count)
        }
        return (buffer, ranges)
    }

    /// Calls `body` with the 0-based number and byte range (without line ending) of every line holding more than
    /// white space.
    private static func lines(of data: Data, _ body: (Int, Range<Int>) -> Void) {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            var line = 0
            while start < buffer.count {
                let end = memchr(base + start, 0x0A, buffer.count - start)
                    .map { base.distance(to: UnsafeRawPointer($0)) } ?? buffer.count
                var contentEnd = end
                if contentEnd > start && buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                if (start..<contentEnd).contains(where: { !Self.isSpace(buffer[$0]) }) {
                    body(line, start..<contentEnd)
                }
                start = end + 1
                line += 1
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D
    }
}
