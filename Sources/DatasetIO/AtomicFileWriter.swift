#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents atomically: write a temporary file in the same directory (so the rename stays on
/// one file system), flush it to disk, rename it over the target, then flush the directory so the rename itself
/// survives a crash.
///
/// Inputs are never modified unless a user asks (`--fix`, `--add-waivers`), and then never left half-written.
public enum AtomicFileWriter {
    public static func replaceContents(of path: String, with bytes: [UInt8]) throws(AtomicWriteError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = directory + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do throws(SystemCallError) {
            try writeDurably(bytes, to: temporary, mode: existingMode(of: path) ?? 0o644)
            guard rename(temporary, path) == 0 else { throw SystemCallError("renaming \(temporary) to \(path)") }
        } catch {
            unlink(temporary)
            throw AtomicWriteError(path: path, reason: error.reason)
        }
        syncDirectory(directory)
    }

    private static func writeDurably(_ bytes: [UInt8], to path: String, mode: mode_t) throws(SystemCallError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw SystemCallError("creating \(path)") }
        defer { close(descriptor) }
        // The mode given to open() is filtered by the umask; keep the replaced file's mode exactly.
        guard fchmod(descriptor, mode) == 0 else { throw SystemCallError("setting the mode of \(path)") }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 && errno == EINTR { continue }
            guard result >= 0 else { throw SystemCallError("writing \(path)") }
            written += result
        }
        guard fsync(descriptor) == 0 else { throw SystemCallError("flushing \(path)") }
    }

    private static func existingMode(of path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }

    /// Best effort: some file systems cannot sync a directory, and the file itself is already written by then.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

/// Why a file could not be replaced; the original is then untouched.
public struct AtomicWriteError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "cannot write \(path): \(reason)" }
}

/// A failed system call, described with `errno` at the time of the failure.
private struct SystemCallError: Error {
    let reason: String

    init(_ action: String) {
        reason = "\(action): \(String(cString: strerror(errno)))"
    }
}
