import DatasetText

/// The text of an open dataset as lines, so that an edit replaces a few lines instead of rebuilding 200 MB.
///
/// Each line keeps its own terminator (LF or CR LF); the last line has none. A document that ends with a line
/// ending therefore has a last, empty line — as LSP counts lines — which holds no record.
struct DocumentLines: Sendable {
    private(set) var lines: [[UInt8]]

    init(text: [UInt8]) {
        lines = Self.split(text[...])
    }

    /// Splits a string's UTF-8 storage directly, without an intermediate copy of a possibly huge text.
    init(text: String) {
        var text = text
        lines = text.withUTF8 { Self.split(UnsafeRawBufferPointer($0)) }
    }

    var count: Int { lines.count }

    /// The line's content without its terminator.
    func content(_ line: Int) -> ArraySlice<UInt8> {
        let bytes = lines[line]
        var end = bytes.count
        if end > 0 && bytes[end - 1] == 0x0A { end -= 1 }
        if end > 0 && bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[0..<end]
    }

    /// The line's stored bytes and the length of its content (without terminator): what the scanner takes
    /// without copying the line.
    func storage(_ line: Int) -> (bytes: [UInt8], contentCount: Int) {
        (lines[line], content(line).count)
    }

    /// True for the empty, unterminated line after a final line ending: it is not a record.
    func isTrailingEmptyLine(_ line: Int) -> Bool {
        line == lines.count - 1 && lines[line].isEmpty
    }

    var text: [UInt8] { Array(lines.joined()) }

    /// What an edit did to the line structure: lines `range` (in the old numbering) became `insertedCount` lines.
    struct Splice: Equatable {
        let range: Swift.Range<Int>
        let insertedCount: Int
    }

    /// Replaces the text between two positions with `newText`. Positions past a line's end or the document's
    /// end are clamped (and `clamped` says so), as LSP asks servers to do.
    mutating func replace(from start: ClientPosition, to end: ClientPosition, with newText: [UInt8],
                          encoding: PositionEncoding) -> (splice: Splice, clamped: Bool) {
        var clamped = false
        let (startLine, startByte) = resolve(start, encoding: encoding, clamped: &clamped)
        var (endLine, endByte) = resolve(end, encoding: encoding, clamped: &clamped)
        if (endLine, endByte) < (startLine, startByte) {
            (endLine, endByte) = (startLine, startByte)
            clamped = true
        }
        let prefix = lines[startLine][..<startByte]
        let suffix = lines[endLine][endByte...]
        var joined = ArraySlice(prefix)
        joined.append(contentsOf: newText)
        joined.append(contentsOf: suffix)
        var replacement = Self.split(joined)
        // The last line of the document has no terminator, so it can split to a trailing empty line only when the
        // edit put a line ending at its end; any other line keeps the terminator it had.
        if endLine != lines.count - 1, replacement.count > 1, replacement.last?.isEmpty == true { replacement.removeLast() }
        lines.replaceSubrange(startLine...endLine, with: replacement)
        return (Splice(range: startLine..<(endLine + 1), insertedCount: replacement.count), clamped)
    }

    /// A client position as a line and byte offset inside that line's content.
    private func resolve(_ position: ClientPosition, encoding: PositionEncoding, clamped: inout Bool) -> (Int, Int) {
        guard position.line < lines.count else {
            clamped = true
            let last = lines.count - 1
            return (last, content(last).count)
        }
        let line = content(position.line)
        let byte: Int
        switch encoding {
        case .utf8: byte = UTF8Columns.characterStart(ofByteOffset: min(position.character, line.count), in: line)
        case .utf16: byte = UTF8Columns.byteOffset(ofUTF16Column: position.character, in: line)
        }
        let length = encoding == .utf8 ? line.count : UTF8Columns.utf16Length(of: line)
        if position.character > length { clamped = true }
        return (position.line, byte)
    }

    /// Splits after every LF; the final piece (possibly empty) has no terminator.
    private static func split(_ bytes: ArraySlice<UInt8>) -> [[UInt8]] {
        bytes.withUnsafeBytes { split($0) }
    }

    private static func split(_ buffer: UnsafeRawBufferPointer) -> [[UInt8]] {
        guard let base = buffer.baseAddress else { return [[]] }
        var result: [[UInt8]] = []
        var offset = 0
        while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
            let end = base.distance(to: UnsafeRawPointer(found)) + 1
            result.append(Array(buffer[offset..<end]))
            offset = end
        }
        result.append(Array(buffer[offset...]))
        return result
    }
}

/// A position as the client sent it, in its negotiated encoding.
struct ClientPosition: Sendable, Equatable {
    let line: Int
    let character: Int
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
