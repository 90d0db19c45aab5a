/// One backslash escape inside a string the scanner accepted, so well formed, with surrogates in pairs.
public enum JSONEscape {
    /// The scalar the escape whose backslash is at `index` stands for, and how many bytes the escape spans: 2
    /// (`\n`), 6 (`\u00e9`) or 12 (a surrogate pair, `\ud83d\ude00`).
    @inlinable
    public static func decode(_ line: UnsafeRawBufferPointer, at index: Int) -> (scalar: UInt32, length: Int) {
        switch line[index + 1] {
        case UInt8(ascii: "b"): return (0x08, 2)
        case UInt8(ascii: "f"): return (0x0C, 2)
        case UInt8(ascii: "n"): return (0x0A, 2)
        case UInt8(ascii: "r"): return (0x0D, 2)
        case UInt8(ascii: "t"): return (0x09, 2)
        case UInt8(ascii: "u"):
            let unit = hexUnit(line, at: index + 2)
            guard (0xD800...0xDBFF).contains(unit) else { return (unit, 6) }
            let low = hexUnit(line, at: index + 8)
            return (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), 12)
        case let escaped: return (UInt32(escaped), 2)
        }
    }

    /// The four hex digits at `index` as a UTF-16 code unit.
    @inlinable
    static func hexUnit(_ line: UnsafeRawBufferPointer, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = line[index + offset]
            let digit: UInt8 = byte <= UInt8(ascii: "9") ? byte &- UInt8(ascii: "0") : (byte | 0x20) &- UInt8(ascii: "a") &+ 10
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
