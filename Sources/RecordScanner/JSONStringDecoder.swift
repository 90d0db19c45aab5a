#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes the raw text of a scanned JSON string (quotes included) into its UTF-8 bytes.
///
/// The scanner has already validated the string, so decoding cannot fail: escapes are well formed and
/// surrogates come in pairs.
enum JSONStringDecoder {
    static func decode(_ line: UnsafeRawBufferPointer, span: Range<Int>, hasEscapes: Bool) -> [UInt8] {
        let inner = (span.lowerBound + 1)..<(span.upperBound - 1)
        guard hasEscapes else { return Array(line[inner]) }
        return [UInt8](unsafeUninitializedCapacity: inner.count) { output, count in
            count = decode(line, inner: inner, into: output.baseAddress!)
        }
    }

    /// The decoded value as a `String`, written straight into the string's own storage.
    static func decodeString(_ line: UnsafeRawBufferPointer, span: Range<Int>, hasEscapes: Bool) -> String {
        let inner = (span.lowerBound + 1)..<(span.upperBound - 1)
        guard hasEscapes else { return String(decoding: UnsafeRawBufferPointer(rebasing: line[inner]), as: UTF8.self) }
        return String(unsafeUninitializedCapacity: inner.count) { output in
            decode(line, inner: inner, into: output.baseAddress!)
        }
    }

    /// Writes the decoded bytes of `line[inner]` to `output`, which holds at least `inner.count` bytes (decoding
    /// never lengthens: an escape is longer than what it stands for). Returns how many bytes were written.
    private static func decode(_ line: UnsafeRawBufferPointer, inner: Range<Int>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        var index = inner.lowerBound
        while index < inner.upperBound {
            // Copy the run up to the next backslash in one go: a 200 MB document sent as one JSON string has an
            // escape every few dozen bytes, and byte-by-byte appends made decoding it take most of a second.
            let runEnd = nextBackslash(in: line, from: index, before: inner.upperBound)
            if runEnd > index {
                (output + written).update(from: line.baseAddress!.assumingMemoryBound(to: UInt8.self) + index,
                                          count: runEnd - index)
                written += runEnd - index
                index = runEnd
                continue
            }
            let escape = line[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output[written] = 0x08; written += 1
            case UInt8(ascii: "f"): output[written] = 0x0C; written += 1
            case UInt8(ascii: "n"): output[written] = 0x0A; written += 1
            case UInt8(ascii: "r"): output[written] = 0x0D; written += 1
            case UInt8(ascii: "t"): output[written] = 0x09; written += 1
            case UInt8(ascii: "u"):
                var scalar = hexUnit(line, at: index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    let low = hexUnit(line, at: index + 2)
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                written += writeUTF8(scalar, to: output + written)
            default: output[written] = escape; written += 1
            }
        }
        return written
    }

    /// Whether the string at `span` (quotes included, already validated by the scanner) is blank in the sense
    /// of `Character.isWhitespace`, which holds when a character's *first* scalar has the White_Space property.
    /// Decided from the scalars alone where that is certain:
    /// - every scalar is white space: true, whatever the characters they form;
    /// - the first scalar that is not white space is the string's first scalar, or is ASCII: false, because a
    ///   character starts there (grapheme clusters never extend over an ASCII scalar, except LF after CR, and LF
    ///   is white space);
    /// - otherwise nil: a non-ASCII scalar after white space may be a combining mark that joins the space's
    ///   character, so the caller asks `Character`.
    static func blankVerdict(_ line: UnsafeRawBufferPointer, span: Range<Int>) -> Bool? {
        var index = span.lowerBound + 1
        let end = span.upperBound - 1
        var isFirstScalar = true
        while index < end {
            let byte = line[index]
            var scalar = UInt32(byte)
            if byte == UInt8(ascii: "\\") {
                let escape = line[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "b"): scalar = 0x08
                case UInt8(ascii: "f"): scalar = 0x0C
                case UInt8(ascii: "n"): scalar = 0x0A
                case UInt8(ascii: "r"): scalar = 0x0D
                case UInt8(ascii: "t"): scalar = 0x09
                case UInt8(ascii: "u"):
                    scalar = hexUnit(line, at: index)
                    index += 4
                    if (0xD800...0xDBFF).contains(scalar) {
                        let low = hexUnit(line, at: index + 2)
                        index += 6
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                default: scalar = UInt32(escape)
                }
            } else if byte < 0x80 {
                index += 1
            } else if byte < 0xE0 {
                scalar = UInt32(byte & 0x1F) << 6 | UInt32(line[index + 1] & 0x3F)
                index += 2
            } else if byte < 0xF0 {
                scalar = UInt32(byte & 0x0F) << 12 | UInt32(line[index + 1] & 0x3F) << 6 | UInt32(line[index + 2] & 0x3F)
                index += 3
            } else {
                scalar = UInt32(byte & 0x07) << 18 | UInt32(line[index + 1] & 0x3F) << 12
                    | UInt32(line[index + 2] & 0x3F) << 6 | UInt32(line[index + 3] & 0x3F)
                index += 4
            }
            if !isWhiteSpace(scalar) { return isFirstScalar || scalar < 0x80 ? false : nil }
            isFirstScalar = false
        }
        return true
    }

    /// Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`), a list that has been stable
    /// since Unicode 6.3; a test compares it with the standard library's for every scalar.
    @inline(__always)
    static func isWhiteSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    private static func nextBackslash(in line: UnsafeRawBufferPointer, from start: Int, before end: Int) -> Int {
        guard let base = line.baseAddress, start < end,
              let found = memchr(base + start, Int32(UInt8(ascii: "\\")), end - start) else { return end }
        return base.distance(to: UnsafeRawPointer(found))
    }

    private static func hexUnit(_ line: UnsafeRawBufferPointer, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = line[index + offset]
            let digit: UInt8 = byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : (byte | 0x20) - UInt8(ascii: "a") + 10
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func writeUTF8(_ scalar: UInt32, to output: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case ..<0x80:
            output[0] = UInt8(scalar)
            return 1
        case ..<0x800:
            output[0] = UInt8(0xC0 | scalar >> 6)
            output[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case ..<0x10000:
            output[0] = UInt8(0xE0 | scalar >> 12)
            output[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            output[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            output[0] = UInt8(0xF0 | scalar >> 18)
            output[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            output[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            output[3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }
}
