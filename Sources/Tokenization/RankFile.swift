import Foundation

/// Reads tiktoken's rank files (`cl100k_base.tiktoken`, `o200k_base.tiktoken`): one token a line, its bytes in
/// standard base64 (with padding), a space, and its rank in decimal. Empty lines are skipped and a line may end in
/// `\r\n`, as tiktoken's own loader (`load_tiktoken_bpe`) allows.
///
/// tiktoken's loader forgives malformed base64 by dropping characters; this one refuses the file and names the
/// line instead, because a silently wrong vocabulary gives wrong token counts that nothing else would catch.
public enum RankFile {
    /// Parses the contents of a rank file.
    public static func parse(_ contents: [UInt8]) throws(RankFileError) -> RankTable {
        try contents.withUnsafeBytes { bytes in Result { () throws(RankFileError) in try parse(bytes) } }.get()
    }

    /// Reads and parses the rank file at `path`.
    public static func load(path: String) throws(RankFileError) -> RankTable {
        try parse(try read(path: path))
    }

    static func read(path: String) throws(RankFileError) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    private static func parse(_ contents: UnsafeRawBufferPointer) throws(RankFileError) -> RankTable {
        var builder = RankTable.Builder()
        var lineOfEntry: [Int] = []
        var decoded: [UInt8] = []
        var lineNumber = 0
        var lineStart = 0
        while lineStart < contents.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < contents.count && contents[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd + 1
            if lineEnd > lineStart && contents[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { lineStart = next }
            if lineEnd == lineStart { continue }
            let line = UnsafeRawBufferPointer(rebasing: contents[lineStart..<lineEnd])

            guard let space = line.firstIndex(of: 0x20) else {
                throw .malformedLine(line: lineNumber, reason: "expected a base64 token, a space and a rank")
            }
            let rank = try parseRank(UnsafeRawBufferPointer(rebasing: line[(space + 1)...]), line: lineNumber)
            try decodeBase64(UnsafeRawBufferPointer(rebasing: line[..<space]), into: &decoded, line: lineNumber)
            do {
                try builder.append(decoded, rank: rank, index: lineOfEntry.count)
            } catch {
                throw .invalidToken(line: lineNumber, error)
            }
            lineOfEntry.append(lineNumber)
        }
        guard !lineOfEntry.isEmpty else { throw .empty }
        do {
            return RankTable(storage: try builder.finish())
        } catch {
            // The table names entries by position; the reader wants lines.
            switch error {
            case .duplicateBytes(let index), .duplicateRank(let index, _), .emptyToken(let index),
                 .tokenTooLong(let index, _), .rankOutOfRange(let index, _):
                throw .invalidToken(line: lineOfEntry[index], error)
            }
        }
    }

    private static func parseRank(_ text: UnsafeRawBufferPointer, line: Int) throws(RankFileError) -> Int {
        guard !text.isEmpty, text.count <= 10 else {
            throw .malformedLine(line: line, reason: "expected a rank of 1 to 10 decimal digits after the space")
        }
        var value = 0
        for byte in text {
            guard byte >= 0x30 && byte <= 0x39 else {
                throw .malformedLine(line: line, reason: "the rank \"\(String(decoding: text, as: UTF8.self))\" is not a decimal number")
            }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// Decodes standard base64 (`A–Z a–z 0–9 + /`, padded with `=` to a multiple of four characters).
    static func decodeBase64(_ text: UnsafeRawBufferPointer, into output: inout [UInt8],
                             line: Int) throws(RankFileError) {
        output.removeAll(keepingCapacity: true)
        func invalid(_ reason: String) -> RankFileError {
            .malformedLine(line: line, reason: "invalid base64 \"\(String(decoding: text, as: UTF8.self))\": \(reason)")
        }
        guard !text.isEmpty else { throw invalid("the token is empty") }
        guard text.count % 4 == 0 else { throw invalid("its length is not a multiple of 4") }
        var padding = 0
        if text[text.count - 1] == 0x3D { padding += 1 }
        if text[text.count - 2] == 0x3D { padding += 1 }
        var accumulator: UInt32 = 0
        for index in 0..<text.count - padding {
            let value = base64Values[Int(text[index])]
            guard value != 0xFF else {
                throw invalid("\"\(Character(Unicode.Scalar(text[index])))\" at character \(index + 1) is not a base64 digit")
            }
            accumulator = accumulator << 6 | UInt32(value)
            if index % 4 == 3 {
                output.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                output.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator = 0
            }
        }
        switch padding {
        case 1:
            guard accumulator & 0x3 == 0 else { throw invalid("nonzero bits before the padding") }
            output.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            output.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        case 2:
            guard accumulator & 0xF == 0 else { throw invalid("nonzero bits before the padding") }
            output.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        default:
            break
        }
    }

    private static let base64Values: [UInt8] = {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            values[Int(character)] = UInt8(value)
        }
        return values
    }()
}

/// A rank file that could not be read or is not one.
public enum RankFileError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// Line `line` (1-based) is not `<base64> <rank>`.
    case malformedLine(line: Int, reason: String)
    /// Line `line` is well formed but its token cannot join the table (a repeated token or rank, for example).
    case invalidToken(line: Int, RankTableError)
    /// The file holds no token at all.
    case empty

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read rank file \(path): \(reason)"
        case .malformedLine(let line, let reason): "line \(line): \(reason)"
        case .invalidToken(let line, let error):
            switch error {
            case .duplicateBytes: "line \(line): the token repeats the bytes of an earlier line"
            case .duplicateRank(_, let rank): "line \(line): rank \(rank) is already used by an earlier line"
            case .emptyToken: "line \(line): the token is empty"
            case .tokenTooLong(_, let length): "line \(line): the token is \(length) bytes long (at most 65535)"
            case .rankOutOfRange(_, let rank): "line \(line): rank \(rank) does not fit in 32 bits"
            }
        case .empty: "the rank file holds no token"
        }
    }
}
