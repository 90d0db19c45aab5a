#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams a JSONL dataset as chunks of whole lines: a file, standard input (`-`), or either gzip-compressed.
///
/// Memory stays bounded by the chunk size and the longest line, whatever the file's size: a chunk is cut at
/// the last line ending it holds, and a line longer than a chunk grows that one chunk until the line ends.
public struct DatasetReader {
    public let path: String
    /// True when the bytes were gzip-compressed (detected by their magic number, not by the file's name).
    public let isCompressed: Bool
    private var source: Source
    private let descriptor: Int32?
    private var pending: [UInt8]
    private var nextLine = 0
    private var atEnd = false
    private var isFirstChunk = true
    private let chunkSize: Int

    public static let defaultChunkSize = 1 << 20

    /// Opens `path` (`-` for standard input). Fails with a clear error for a missing file, a directory, a file
    /// that cannot be read, or binary data.
    public init(path: String, chunkSize: Int = DatasetReader.defaultChunkSize) throws(DatasetIOError) {
        self.path = path
        self.chunkSize = max(chunkSize, 1 << 12)
        let descriptor = path == "-" ? STDIN_FILENO : try Self.open(path)
        self.descriptor = path == "-" ? nil : descriptor
        var plain = DescriptorSource(descriptor: descriptor, path: path)
        var head: (bytes: [UInt8], ended: Bool)
        do {
            head = try plain.read(after: [], upTo: self.chunkSize)
        } catch {
            if path != "-" { _ = Glibc.close(descriptor) }
            throw error
        }
        isCompressed = head.bytes.starts(with: [0x1F, 0x8B])
        if isCompressed {
            source = .gzip(try GzipSource(compressed: plain, prefix: head.bytes))
            pending = []
        } else {
            source = .plain(plain)
            pending = head.bytes
            atEnd = head.ended
        }
    }

    /// The two kinds of source, without an existential in the way of every read.
    private enum Source {
        case plain(DescriptorSource)
        case gzip(GzipSource)

        /// `prefix` followed by up to `maximum` more bytes (see `ByteSource.read(after:upTo:)`).
        mutating func read(after prefix: [UInt8], upTo maximum: Int) throws(DatasetIOError) -> (bytes: [UInt8], ended: Bool) {
            switch self {
            case .plain(var source):
                defer { self = .plain(source) }
                return try source.read(after: prefix, upTo: maximum)
            case .gzip(var source):
                defer { self = .gzip(source) }
                return try source.read(after: prefix, upTo: maximum)
            }
        }
    }

    /// Closes the file. Standard input is left open.
    public func close() {
        if let descriptor { _ = Glibc.close(descriptor) }
    }

    /// The next chunk of whole lines (each ending with its line ending, except perhaps the file's last line)
    /// and the 0-based number of its first line; nil at the end of the data.
    public mutating func nextChunk() throws(DatasetIOError) -> (bytes: [UInt8], firstLine: Int)? {
        guard !(atEnd && pending.isEmpty) else { return nil }
        var searchFrom = 0
        while !atEnd {
            if pending.count >= chunkSize {
                if let cut = lastLineEnd(in: pending, from: searchFrom) { return try emit(upTo: cut) }
                searchFrom = pending.count
            }
            // A new buffer: the start of a line carried over from the last chunk, then a chunk's worth of bytes
            // read in place. A line longer than a chunk reads as much again as it already has, so that copying
            // what is pending into each larger buffer costs twice the line's length in all, not its square.
            let next = try source.read(after: pending, upTo: max(chunkSize, pending.count))
            pending = next.bytes
            atEnd = next.ended
        }
        guard !pending.isEmpty else { return nil }
        return try emit(upTo: pending.count)
    }

    private mutating func emit(upTo end: Int) throws(DatasetIOError) -> (bytes: [UInt8], firstLine: Int) {
        // The chunk keeps the buffer; only the partial line after `end` is copied, to start the next one.
        var bytes = pending
        pending = Array(bytes[end...])
        bytes.removeLast(bytes.count - end)
        if isFirstChunk {
            isFirstChunk = false
            // Editors hide a byte order mark and count columns after it; so do we.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if let binary = BinaryDetector.evidence(in: bytes) {
                throw DatasetIOError(.binary, path: path, reason: "this is binary data, not JSONL text "
                    + "(a NUL byte among \(binary.controlPercent)% control bytes); datalint reads UTF-8 JSON Lines, "
                    + "optionally gzip-compressed", line: binary.line + 1, column: binary.column + 1)
            }
        }
        let firstLine = nextLine
        nextLine += LineCounter.count(in: bytes)
        return (bytes, firstLine)
    }

    /// The offset just past the last LF in `bytes[from...]`, searched backwards from the end (lines are short
    /// next to a chunk, so the walk is short).
    private func lastLineEnd(in bytes: [UInt8], from: Int) -> Int? {
        var index = bytes.count
        while index > from {
            index -= 1
            if bytes[index] == 0x0A { return index + 1 }
        }
        return nil
    }

    private static func open(_ path: String) throws(DatasetIOError) -> Int32 {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw DatasetIOError(.notFound, path: path, reason: "no such file")
            case EACCES: throw DatasetIOError(.permissionDenied, path: path, reason: "permission denied")
            default: throw DatasetIOError(.notReadable, path: path, reason: "cannot open: \(String(cString: strerror(code)))")
            }
        }
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            _ = Glibc.close(descriptor)
            throw DatasetIOError(.isDirectory, path: path, reason: "is a directory; name the .jsonl files inside it")
        }
        return descriptor
    }
}

/// Counts line endings with glibc's vectorized memchr.
enum LineCounter {
    static func count(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var count = 0
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                count += 1
                offset = base.distance(to: UnsafeRawPointer(found)) + 1
            }
            // A last line without a line ending is still a line.
            if offset < buffer.count { count += 1 }
            return count
        }
    }
}
