import DatasetText
import Diagnostics

/// One line of a waiver file that is not a waiver, a comment or blank (or a file that cannot be read at all).
public struct WaiverFileProblem: Hashable, Sendable, CustomStringConvertible {
    /// The waiver file's path, as it was given.
    public var file: String
    /// 0-based; `description` shows it 1-based.
    public var position: SourcePosition
    public var message: String

    public init(file: String, position: SourcePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `path:line:column: message`, 1-based.
    public var description: String { "\(file):\(position): \(message)" }

    /// The problem as a `waiver/invalid` diagnostic in the waiver file, for reporters and editors.
    public var diagnostic: FileDiagnostic {
        let range = SourceRange(start: position, end: position)
        return FileDiagnostic(file: file, diagnostic: Diagnostic(code: WaiverCode.invalid.code,
                                                                 severity: WaiverCode.invalid.defaultSeverity,
                                                                 message: message, range: range))
    }
}

/// Why a waiver file was rejected: every problem in it, in file order.
///
/// A waiver file with a broken line is rejected whole instead of skipping the line: a skipped waiver would bring
/// its diagnostic back with no hint why, and `--add-waivers` would then rewrite the file around the broken line.
public struct WaiverFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [WaiverFileProblem]

    public init(_ problems: [WaiverFileProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Why writing a waiver file failed.
public struct WaiverFileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "cannot write \(file): \(reason)" }
}
