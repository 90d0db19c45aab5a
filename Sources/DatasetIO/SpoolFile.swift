#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file that holds records between two passes — a pipeline step that must see the whole dataset before
/// the next step may start: written once, then read back as a dataset; removed when released, or by the system's
/// temporary-file cleaning if the process is killed.
public final class SpoolFile {
    public let path: String
    private var descriptor: Int32

    /// Creates an empty file in `$TMPDIR` (or `/tmp`).
    public init() throws(AtomicWriteError) {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/datalint-spool-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw AtomicWriteError(path: directory, reason: "creating a temporary file: \(String(cString: strerror(errno)))")
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        unlink(path)
    }

    public func write(_ bytes: [UInt8]) throws(AtomicWriteError) {
        guard descriptor >= 0, FileDescriptor.writeAll(bytes, to: descriptor) else {
            throw AtomicWriteError(path: path, reason: "writing: \(String(cString: strerror(errno)))")
        }
    }

    /// Ends the writing; the records written, as a dataset to read.
    public func reader() throws(DatasetIOError) -> DatasetReader {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        return try DatasetReader(path: path)
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
