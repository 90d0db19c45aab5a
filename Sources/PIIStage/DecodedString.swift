#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RecordScanner

/// The decoded bytes of one JSON string value, with the way back from decoded offsets to raw offsets in the
/// line, so that a hit found in decoded text (where `\n` is one byte and `\u00e9` two) is reported on exactly
/// the raw bytes that spell it.
///
/// The mapping is kept as pieces, not per byte: a run of plain bytes maps by a shift, an escape maps all the
/// bytes it decodes to onto its backslash. Strings without escapes (most) have one piece.
///
/// `bytes` ends with `scanPadding` zero bytes that are not part of the string. Vectorscan 5.4.9 (Debian's) misses
/// matches of patterns such as `@[a-z]+` that end in the last 31 bytes of the scanned buffer, depending on the
/// buffer's alignment, so one string could find an email address in one process and miss it in the next. A
/// zero byte is in no precise pattern, so the padding moves every real match away from the end without adding
/// or lengthening one; `Validator` drops it again.
struct DecodedString {
    static let scanPadding = 32

    /// The decoded UTF-8 bytes, then `scanPadding` zero bytes.
    private(set) var bytes: [UInt8] = []
    /// The number of decoded bytes (without the padding).
    var count: Int { bytes.count - Self.scanPadding }
    /// The decoded UTF-8 bytes.
    var text: ArraySlice<UInt8> { bytes[..<count] }
    /// Where each piece starts, in decoded and raw offsets; an escape's piece has `isEscape` set.
    private(set) var pieces: [Piece] = []
    /// Raw line offset of the closing quote.
    private(set) var rawEnd = 0

    struct Piece: Equatable {
        var decoded: Int32
        var raw: Int32
        var isEscape: Bool
    }

    /// Decodes string node `node` of `record` (the scanner has validated it).
    init(record: ParsedRecord, node: Int) {
        let span = record[node].span
        let hasEscapes = record[node].hasEscapes
        record.withLineBytes { line in decode(line, inner: (span.lowerBound + 1)..<(span.upperBound - 1), hasEscapes: hasEscapes) }
        bytes.append(contentsOf: repeatElement(0, count: Self.scanPadding))
    }

    /// The raw line span of decoded bytes `range` (whose ends fall on character boundaries).
    func rawSpan(of range: Range<Int>) -> Range<Int> {
        rawOffset(range.lowerBound)..<rawOffset(range.upperBound)
    }

    /// The raw offset of decoded offset `offset`: inside a plain run by shift, inside an escape at its backslash.
    func rawOffset(_ offset: Int) -> Int {
        guard offset < count else { return rawEnd }
        var low = 0, high = pieces.count
        while low < high {
            let middle = (low + high) / 2
            if Int(pieces[middle].decoded) <= offset { low = middle + 1 } else { high = middle }
        }
        let piece = pieces[low - 1]
        return piece.isEscape ? Int(piece.raw) : Int(piece.raw) + offset - Int(piece.decoded)
    }

    private mutating func decode(_ line: UnsafeRawBufferPointer, inner: Range<Int>, hasEscapes: Bool) {
        rawEnd = inner.upperBound
        pieces.append(Piece(decoded: 0, raw: Int32(inner.lowerBound), isEscape: false))
        bytes.reserveCapacity(inner.count + Self.scanPadding)
        guard hasEscapes else {
            bytes.append(contentsOf: line[inner])
            return
        }
        var index = inner.lowerBound
        let base = line.baseAddress!
        while index < inner.upperBound {
            // Copy the run up to the next backslash in one go.
            let runEnd = memchr(base + index, Int32(UInt8(ascii: "\\")), inner.upperBound - index)
                .map { base.distance(to: UnsafeRawPointer($0)) } ?? inner.upperBound
            if runEnd > index {
                if pieces.last!.isEscape {
                    pieces.append(Piece(decoded: Int32(bytes.count), raw: Int32(index), isEscape: false))
                }
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: line[index..<runEnd]))
                index = runEnd
                continue
            }
            let escapeStart = index
            let (scalar, length) = JSONEscape.decode(line, at: index)
            index += length
            if bytes.isEmpty && pieces.count == 1 {
                pieces[0].isEscape = true
            } else {
                pieces.append(Piece(decoded: Int32(bytes.count), raw: Int32(escapeStart), isEscape: true))
            }
            // The scanner accepted the string, so every escape stands for a scalar (surrogates come in pairs).
            UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") { bytes.append($0) }
        }
    }
}
