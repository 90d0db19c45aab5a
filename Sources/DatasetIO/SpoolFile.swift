#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An unnamed temporary file that holds records between two passes — a pipeline step that must see the whole dataset
/// before the next step may start: written once, then read back as plain lines. Its name is removed as soon as it
/// is made, so nothing is left behind however the process ends, and no child process inherits it.
public final class SpoolFile {
    private let descriptor: Int32

    /// Creates an empty file in `$TMPDIR` (or `/tmp`).
    public init() throws(SpoolError) {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/datalint-spool-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else { throw SpoolError("cannot create a temporary file in \(directory)") }
        descriptor = made
        // mkostemp is not in Swift's Glibc module: close-on-exec is set right after, before any worker can be started.
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit {
        close(descriptor)
    }

    public func write(_ bytes: [UInt8]) throws(SpoolError) {
        guard FileDescriptor.writeAll(bytes, to: descriptor) else { throw SpoolError("cannot write the temporary file") }
    }

    /// The lines written, from the start, in chunks of whole lines. Nothing is made of their bytes: no compression
    /// sniffed, no byte order mark removed — they are what an earlier pass wrote.
    public func lines(chunkSize: Int = DatasetReader.defaultChunkSize) throws(SpoolError) -> SpoolLines {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw SpoolError("cannot read the temporary file back") }
        return SpoolLines(file: self, descriptor: descriptor, chunkSize: chunkSize)
    }
}

/// Whole lines of a spool file, a chunk at a time; keeps the file open while it is read.
public struct SpoolLines {
    private let file: SpoolFile
    private let descriptor: Int32
    private let chunkSize: Int
    private var pending: [UInt8] = []
    private var atEnd = false
    private var nextLine = 0

    init(file: SpoolFile, descriptor: Int32, chunkSize: Int) {
        self.file = file
        self.descriptor = descriptor
        self.chunkSize = chunkSize
    }

    /// The next chunk of whole lines and the 0-based number of its first line; nil at the end.
    public mutating func nextChunk() throws(SpoolError) -> (bytes: [UInt8], firstLine: Int)? {
        while !atEnd, pending.lastIndex(of: 0x0A) == nil || pending.count < chunkSize {
            let start = pending.count
            pending += repeatElement(0, count: chunkSize)
            let count = pending.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + start, chunkSize) }
            guard count >= 0 else { throw SpoolError("cannot read the temporary file back") }
            pending.removeLast(chunkSize - count)
            atEnd = count == 0
        }
        guard !pending.isEmpty else { return nil }
        let end = atEnd ? pending.count : pending.lastIndex(of: 0x0A)! + 1
        let chunk = Array(pending[..<end])
        pending.removeFirst(end)
        let firstLine = nextLine
        nextLine += chunk.count { $0 == 0x0A }
        return (chunk, firstLine)
    }
}

/// Why the temporary file between two passes could not be used.
public struct SpoolError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ what: String) {
        description = "\(what): \(String(cString: strerror(errno)))"
    }
}

enum FileDescriptor {
    /// Writes all of `bytes`, retrying short and interrupted writes; false (with `errno` set) on failure.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in write(descriptor, buffer.baseAddress! + written, buffer.count - written) }
            if result < 0 && errno == EINTR { continue }
            guard result >= 0 else { return false }
            written += result
        }
        return true
    }
}
