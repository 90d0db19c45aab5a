import DatasetText

/// The text of an open dataset as lines, so that an edit replaces a few lines instead of rebuilding 200 MB.
///
/// Each line keeps its own terminator (LF or CR LF); the last line has none. A document that ends with a line
/// ending therefore has a last, empty line — as LSP counts lines — which holds no record.
///
/// The lines of an opened text are ranges of one buffer they share (for a large didOpen, the very buffer its
/// message was read into); a line an edit touched gets a buffer of its own.
struct DocumentLines: Sendable {
    /// One line's bytes, terminator included: `storage[range]`.
    struct Line: Sendable {
        let storage: [UInt8]
        let range: Range<Int>

        init(storage: [UInt8], range: Range<Int>) {
            self.storage = storage
            self.range = range
        }

        var bytes: ArraySlice<UInt8> { storage[range] }

        /// The range of the line's content, without its terminator.
        var contentRange: Range<Int> {
            var end = range.upperBound
            if end > range.lowerBound && storage[end - 1] == 0x0A { end -= 1 }
            if end > range.lowerBound && storage[end - 1] == 0x0D { end -= 1 }
            return range.lowerBound..<end
        }
    }

    private(set) var lines: [Line]

    init(text: [UInt8]) {
        self.init(storage: text, range: 0..<text.count)
    }

    /// The lines of `storage[range]`, sharing `storage`.
    init(storage: [UInt8], range: Range<Int>) {
        lines = Self.split(storage, range)
    }

    var count: Int { lines.count }

    /// The line's content without its terminator. Its indices are those of the line's storage, not 0-based.
    func content(_ line: Int) -> ArraySlice<UInt8> {
        lines[line].storage[lines[line].contentRange]
    }

    /// The line's storage and the range of its content in it: what the scanner takes without copying the line.
    func storage(_ line: Int) -> (bytes: [UInt8], contentRange: Range<Int>) {
        (lines[line].storage, lines[line].contentRange)
    }

    /// True for the empty, unterminated line after a final line ending: it is not a record.
    func isTrailingEmptyLine(_ line: Int) -> Bool {
        line == lines.count - 1 && lines[line].range.isEmpty
    }

    /// The whole text, in one new buffer.
    var text: [UInt8] {
        var joined: [UInt8] = []
        joined.reserveCapacity(lines.reduce(0) { $0 + $1.range.count })
        for line in lines { joined.append(contentsOf: line.bytes) }
        return joined
    }

    /// The number of bytes of the text.
    var byteCount: Int { lines.reduce(0) { $0 + $1.range.count } }

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
        let first = lines[startLine]
        let last = lines[endLine]
        var joined = Array(first.storage[first.range.lowerBound..<(first.range.lowerBound + startByte)])
        joined.append(contentsOf: newText)
        joined.append(contentsOf: last.storage[(last.range.lowerBound + endByte)..<last.range.upperBound])
        var replacement = Self.split(joined, 0..<joined.count)
        // The last line of the document has no terminator, so it can split to a trailing empty line only when the
        // edit put a line ending at its end; any other line keeps the terminator it had.
        if endLine != lines.count - 1, replacement.count > 1, replacement.last?.range.isEmpty == true { replacement.removeLast() }
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

    /// Splits `storage[range]` after every LF, sharing `storage`; the final piece (possibly empty) has no terminator.
    private static func split(_ storage: [UInt8], _ range: Range<Int>) -> [Line] {
        var lines: [Line] = []
        storage.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return lines.append(Line(storage: storage, range: range)) }
            var offset = range.lowerBound
            while offset < range.upperBound, let found = memchr(base + offset, 0x0A, range.upperBound - offset) {
                let end = base.distance(to: UnsafeRawPointer(found)) + 1
                lines.append(Line(storage: storage, range: offset..<end))
                offset = end
            }
            lines.append(Line(storage: storage, range: offset..<range.upperBound))
        }
        return lines
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
