#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics

/// One validated finding in a decoded string: what it is, where (decoded byte offsets), how sure we are, and
/// the message to show, which never repeats a secret in full.
struct Hit: Equatable {
    var code: PIICode
    var range: Range<Int>
    var confidence: Double
    var severity: Severity
    var message: String

    init(_ code: PIICode, _ range: Range<Int>, confidence: Double, severity: Severity? = nil, _ message: String) {
        self.code = code
        self.range = range
        self.confidence = confidence
        self.severity = severity ?? code.defaultSeverity
        self.message = message
    }
}

/// Byte classes and small helpers shared by the validators.
enum Bytes {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || isUpper(byte) || isLower(byte) }
    @inline(__always) static func isWord(_ byte: UInt8) -> Bool { isAlnum(byte) || byte == UInt8(ascii: "_") }
    @inline(__always) static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- 0x61 < 6
    }

    static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Lower-cased ASCII copy, for context-word searches.
    static func lowercased(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.map { isUpper($0) ? $0 | 0x20 : $0 }
    }

    /// Shannon entropy in bits per byte, as detect-secrets computes it over a candidate's characters.
    static func shannonEntropy(_ bytes: ArraySlice<UInt8>) -> Double {
        guard !bytes.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for byte in bytes { counts[Int(byte)] += 1 }
        let total = Double(bytes.count)
        var entropy = 0.0
        for count in counts where count > 0 {
            let p = Double(count) / total
            entropy -= p * log2(p)
        }
        return entropy
    }

}

/// Masked forms of hits for messages.
enum Mask {
    /// The first `head` and last `tail` characters, with an ellipsis between: `sk-…XYZ4`.
    static func ends(_ bytes: ArraySlice<UInt8>, head: Int, tail: Int = 4) -> String {
        guard bytes.count > head + tail + 4 else { return Bytes.text(bytes.prefix(min(head, bytes.count / 3))) + "…" }
        return Bytes.text(bytes.prefix(head)) + "…" + Bytes.text(bytes.suffix(tail))
    }
}
