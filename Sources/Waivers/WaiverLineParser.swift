import Diagnostics

/// Reads one line of a waiver file: blank, a comment, or `CODE RECORD-HASH FILE [# note]`.
struct WaiverLineParser {
    /// What a line holds.
    enum Outcome: Equatable {
        case nothing
        case waiver(Waiver)
        /// The line is neither; `column` is the UTF-8 column to blame.
        case problem(message: String, column: Int)
    }

    private let line: ArraySlice<UInt8>
    private var index: Int

    static func parse(_ line: ArraySlice<UInt8>) -> Outcome {
        var parser = WaiverLineParser(line: line, index: line.startIndex)
        return parser.parse()
    }

    private mutating func parse() -> Outcome {
        skipWhitespace()
        if isAtFieldEnd { return .nothing }
        let codeStart = index
        let code = String(decoding: readToken(), as: UTF8.self)
        guard WaiverLineFormat.isWellFormedCode(code) else {
            return problem("'\(code)' is not a diagnostic code; codes look like format/unknown-key", at: codeStart)
        }
        skipWhitespace()
        guard !isAtFieldEnd else { return problem("missing record hash; a waiver is CODE RECORD-HASH FILE", at: index) }
        let hashStart = index
        let hashText = String(decoding: readToken(), as: UTF8.self)
        guard let record = RecordHash(hashText) else {
            return problem("'\(hashText)' is not a record hash; record hashes are xxh3: followed by 16 lowercase "
                           + "hex digits", at: hashStart)
        }
        skipWhitespace()
        guard !isAtFieldEnd else { return problem("missing file; a waiver is CODE RECORD-HASH FILE", at: index) }
        let file = WaiverLineFormat.decodeFile(readFileField())
        return .waiver(Waiver(code: DiagnosticCode(code), record: record, file: file, note: readNote()))
    }

    private var isAtFieldEnd: Bool { index == line.endIndex || line[index] == UInt8(ascii: "#") }

    private mutating func skipWhitespace() {
        while index < line.endIndex, Self.isWhitespace(line[index]) { index += 1 }
    }

    /// A field without white space, ended by white space or a comment.
    private mutating func readToken() -> ArraySlice<UInt8> {
        let start = index
        while index < line.endIndex, !Self.isWhitespace(line[index]), line[index] != UInt8(ascii: "#") { index += 1 }
        return line[start..<index]
    }

    /// The rest of the line up to a comment, without trailing white space.
    private mutating func readFileField() -> ArraySlice<UInt8> {
        let start = index
        while index < line.endIndex, line[index] != UInt8(ascii: "#") { index += 1 }
        var end = index
        while end > start, Self.isWhitespace(line[end - 1]) { end -= 1 }
        return line[start..<end]
    }

    private mutating func readNote() -> String? {
        guard index < line.endIndex else { return nil }
        var noteBytes = line[(index + 1)...]
        while let first = noteBytes.first, Self.isWhitespace(first) { noteBytes.removeFirst() }
        while let last = noteBytes.last, Self.isWhitespace(last) { noteBytes.removeLast() }
        return noteBytes.isEmpty ? nil : String(decoding: noteBytes, as: UTF8.self)
    }

    private func problem(_ message: String, at byte: Int) -> Outcome {
        .problem(message: message, column: byte - line.startIndex)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
