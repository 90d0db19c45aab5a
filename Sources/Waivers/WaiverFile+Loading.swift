import DatasetText
import Foundation

extension WaiverFile {
    /// Reads the waiver file at `path`. A file that does not exist is an empty waiver file (which `write()` will
    /// create), so projects without waivers need no file.
    public static func load(path: String) throws(WaiverFileError) -> WaiverFile {
        guard FileManager.default.fileExists(atPath: path) else { return WaiverFile(path: path, originalBytes: [], entries: []) }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw WaiverFileError([WaiverFileProblem(file: path, position: .lineStart(0),
                                                     message: "cannot read the waiver file: \(error.localizedDescription)")])
        }
        return try WaiverFile(path: path, bytes: Array(bytes))
    }

    /// Parses waiver-file contents as if read from `path`.
    public init(path: String, bytes: [UInt8]) throws(WaiverFileError) {
        let document = TextDocument(bytes: bytes)
        var entries: [(waiver: Waiver, line: Int)] = []
        var problems: [WaiverFileProblem] = []
        for line in 0..<document.lineCount {
            switch WaiverLineParser.parse(document.lineContent(line)) {
            case .nothing:
                continue
            case .waiver(let waiver):
                entries.append((waiver, line))
            case .problem(let message, let column):
                problems.append(WaiverFileProblem(file: path, position: document.position(line: line, utf8Column: column),
                                                  message: message))
            }
        }
        guard problems.isEmpty else { throw WaiverFileError(problems) }
        self.init(path: path, originalBytes: bytes, entries: entries)
    }
}

extension SourcePosition {
    fileprivate static func lineStart(_ line: Int) -> SourcePosition {
        SourcePosition(line: line, utf8Column: 0, utf16Column: 0)
    }
}
