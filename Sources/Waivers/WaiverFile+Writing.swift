import DatasetIO
import Diagnostics

extension WaiverFile {
    /// The comment a new waiver file starts with.
    public static let header = "# datalint waivers — written by `datalint check --add-waivers`; "
        + "one per line: CODE RECORD-HASH FILE"

    /// Adds a waiver for `code` on the record hashed `record` at 0-based `line` of `file` (relative to the waiver
    /// file's directory). Returns false, adding nothing, when the file already has that waiver.
    @discardableResult
    public mutating func add(file: String, code: DiagnosticCode, record: RecordHash, line: Int) -> Bool {
        let waiver = Waiver(code: code, record: record, file: file, note: "line \(line + 1)")
        guard !contains(waiver.key) else { return false }
        append(waiver, line: line)
        return true
    }

    /// The file as `write()` writes it: the original bytes unchanged, then the added waivers sorted by file, then
    /// line, then code. A new file starts with `header`. Line endings follow the file's own (LF or CR LF).
    public var contents: [UInt8] {
        let newline = usesCRLF ? "\r\n" : "\n"
        var output = originalBytes
        if output.isEmpty && !additions.isEmpty {
            output += Array((Self.header + newline).utf8)
        } else if !additions.isEmpty && output.last != UInt8(ascii: "\n") {
            output += Array(newline.utf8)
        }
        for addition in sortedAdditions {
            output += Array((WaiverLineFormat.line(for: addition.waiver) + newline).utf8)
        }
        return output
    }

    /// Replaces the waiver file with `contents` atomically: readers see the old file or the new one, never a
    /// partial one, even if datalint is killed or the machine loses power mid-write.
    public func write() throws(WaiverFileWriteError) {
        do {
            try AtomicFileWriter.replaceContents(of: path, with: contents)
        } catch {
            throw WaiverFileWriteError(file: path, reason: error.reason)
        }
    }

    private var sortedAdditions: [(waiver: Waiver, line: Int)] {
        additions.sorted { lhs, rhs in
            (lhs.waiver.file, lhs.line, lhs.waiver.code.rawValue, lhs.waiver.record.value)
                < (rhs.waiver.file, rhs.line, rhs.waiver.code.rawValue, rhs.waiver.record.value)
        }
    }

    private var usesCRLF: Bool {
        guard let newline = originalBytes.firstIndex(of: UInt8(ascii: "\n")) else { return false }
        return newline > 0 && originalBytes[newline - 1] == UInt8(ascii: "\r")
    }
}
