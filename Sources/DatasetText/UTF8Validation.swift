/// Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
public enum UTF8Validation {
    /// The offset of the first byte that starts or continues an invalid sequence, or nil if `bytes` is valid.
    public static func firstInvalidByte<Bytes: Collection>(in bytes: Bytes) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] < 0x80 { index += 1; continue }
            let (length, _) = UTF8Columns.scalarExtent(bytes, at: index)
            if !isCompleteSequence(bytes, at: index, length: length) {
                return invalidByteOffset(bytes, at: index, length: length) - bytes.startIndex
            }
            index += length
        }
        return nil
    }

    private static func isCompleteSequence<Bytes: Collection>(_ bytes: Bytes, at index: Int, length: Int) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = bytes[index]
        let expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        return lead >= 0xC2 && lead <= 0xF4 && length == expected
    }

    /// The byte to blame: the lead byte if it can never start a sequence, otherwise the first bad continuation.
    private static func invalidByteOffset<Bytes: Collection>(_ bytes: Bytes, at index: Int, length: Int) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = bytes[index]
        if lead < 0xC2 || lead > 0xF4 { return index }
        return index + length < bytes.endIndex ? index + length : index
    }
}

extension UTF8Validation {
    /// `bytes` with every byte of an invalid sequence replaced by `?`, and control characters by `?` (tabs by
    /// spaces), so the result decodes to a String with the same byte columns and nothing a terminal interprets.
    public static func displaySafe<Bytes: Collection>(_ bytes: Bytes) -> String
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var output = Array(bytes)
        var index = 0
        while index < output.count {
            let byte = output[index]
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x7F { output[index] = byte == 0x09 ? 0x20 : UInt8(ascii: "?") }
                index += 1
                continue
            }
            let (length, _) = UTF8Columns.scalarExtent(output, at: index)
            let complete = byte >= 0xC2 && byte <= 0xF4 && length == (byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2)
            if !complete {
                for offset in index..<(index + length) { output[offset] = UInt8(ascii: "?") }
            }
            index += length
        }
        return String(decoding: output, as: UTF8.self)
    }
}
