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
        let output = try AtomicOutputFile(replacing: path)
        try output.write(bytes)
        try output.commit()
    }
}

/// A file written in pieces that appears at its path all at once, complete, when committed — or never: a run that
/// fails midway (or a process killed) leaves the old file, and at most a hidden temporary file, behind.
public final class AtomicOutputFile {
    public let path: String
    private let temporary: String
    private let directory: String
    private var descriptor: Int32
    private var committed = false

    /// Opens a temporary file next to `path`, with the mode of the file it will replace (0644 for a new one).
    public init(replacing path: String) throws(AtomicWriteError) {
        let slash = path.lastIndex(of: "/")
        directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        temporary = directory + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        self.path = path
        let mode = Self.existingMode(of: path) ?? 0o644
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw AtomicWriteError(path: path, reason: SystemCallError("creating \(temporary)").reason) }
        // The mode given to open() is filtered by the umask; keep the replaced file's mode exactly.
        guard fchmod(descriptor, mode) == 0 else {
            let reason = SystemCallError("setting the mode of \(temporary)").reason
            abandon()
            throw AtomicWriteError(path: path, reason: reason)
        }
    }

    deinit {
        if !committed { abandon() }
    }

    public func write(_ bytes: [UInt8]) throws(AtomicWriteError) {
        guard FileDescriptor.writeAll(bytes, to: descriptor) else { throw fail("writing \(temporary)") }
    }

    /// Flushes the file to disk and renames it over `path`.
    public func commit() throws(AtomicWriteError) {
        guard fsync(descriptor) == 0 else { throw fail("flushing \(temporary)") }
        close(descriptor)
        descriptor = -1
        guard rename(temporary, path) == 0 else { throw fail("renaming \(temporary) to \(path)") }
        committed = true
        Self.syncDirectory(directory)
    }

    private func fail(_ what: String) -> AtomicWriteError {
        let reason = SystemCallError(what).reason
        abandon()
        return AtomicWriteError(path: path, reason: reason)
    }

    /// Removes the temporary file; the target is untouched.
    private func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
        committed = true
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

/// Why a file could not be written; the original is then untouched.
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
