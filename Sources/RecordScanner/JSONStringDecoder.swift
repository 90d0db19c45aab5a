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

    /// Decodes the string at `span` over its own raw text and returns where the decoded bytes now lie: the
    /// start of the string's contents onwards. The bytes after that up to `span.upperBound` are left as they were.
    static func decodeInPlace(_ buffer: UnsafeMutableRawBufferPointer, span: Range<Int>, hasEscapes: Bool) -> Range<Int> {
        let inner = (span.lowerBound + 1)..<(span.upperBound - 1)
        guard hasEscapes else { return inner }
        let output = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + inner.lowerBound
        return inner.lowerBound..<(inner.lowerBound + decode(UnsafeRawBufferPointer(buffer), inner: inner, into: output))
    }

    /// Writes the decoded bytes of `line[inner]` to `output`, which holds at least `inner.count` bytes (decoding
    /// never lengthens: an escape is longer than what it stands for). Returns how many bytes were written.
    /// `output` may be the start of `inner` itself: the write position never passes the read position.
    private static func decode(_ line: UnsafeRawBufferPointer, inner: Range<Int>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        var index = inner.lowerBound
        while index < inner.upperBound {
            let run = copyRun(line, from: index, before: inner.upperBound, to: output + written)
            written += run
            index += run
            guard index < inner.upperBound else { break }
            let (scalar, length) = JSONEscape.decode(line, at: index)
            index += length
            written += writeUTF8(scalar, to: output + written)
        }
        return written
    }

    /// Copies the bytes from `start` up to the next backslash (or `end`) to `output` and returns how many.
    ///
    /// Eight bytes at a time: a 200 MB document sent as one JSON string has an escape every few bytes (every
    /// quote of every key is `\"`), so a call to `memchr` and `memmove` per run cost most of a second.
    /// A whole word is stored only when all of it belongs to the run, so decoding in place never overwrites
    /// bytes not yet read.
    @inline(__always)
    private static func copyRun(_ line: UnsafeRawBufferPointer, from start: Int, before end: Int,
                                to output: UnsafeMutablePointer<UInt8>) -> Int {
        let input = line.baseAddress!
        var index = start
        while index + 8 <= end {
            let word = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let flipped = word ^ 0x5C5C_5C5C_5C5C_5C5C
            let backslashes = (flipped &- 0x0101_0101_0101_0101) & ~flipped & 0x8080_8080_8080_8080
            if backslashes != 0 {
                let count = backslashes.trailingZeroBitCount / 8
                for offset in 0..<count { output[index - start + offset] = input.load(fromByteOffset: index + offset, as: UInt8.self) }
                return index - start + count
            }
            UnsafeMutableRawPointer(output + (index - start)).storeBytes(of: word.littleEndian, as: UInt64.self)
            index += 8
        }
        while index < end {
            let byte = input.load(fromByteOffset: index, as: UInt8.self)
            if byte == UInt8(ascii: "\\") { break }
            output[index - start] = byte
            index += 1
        }
        return index - start
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
                let escape = JSONEscape.decode(line, at: index)
                scalar = escape.scalar
                index += escape.length
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
