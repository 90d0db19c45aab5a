/// Decodes the raw text of a scanned JSON string (quotes included) into its UTF-8 bytes.
///
/// The scanner has already validated the string, so decoding cannot fail: escapes are well formed and
/// surrogates come in pairs.
enum JSONStringDecoder {
    static func decode(_ line: UnsafeRawBufferPointer, span: Range<Int>, hasEscapes: Bool) -> [UInt8] {
        let inner = (span.lowerBound + 1)..<(span.upperBound - 1)
        guard hasEscapes else { return Array(line[inner]) }
        var output: [UInt8] = []
        output.reserveCapacity(inner.count)
        var index = inner.lowerBound
        while index < inner.upperBound {
            let byte = line[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let escape = line[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hexUnit(line, at: index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    let low = hexUnit(line, at: index + 2)
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                appendUTF8(scalar, to: &output)
            default: output.append(escape)
            }
        }
        return output
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

    private static func hexUnit(_ line: UnsafeRawBufferPointer, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = line[index + offset]
            let digit: UInt8 = byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : (byte | 0x20) - UInt8(ascii: "a") + 10
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
