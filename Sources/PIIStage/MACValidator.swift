import Diagnostics

/// Hardware (MAC) addresses: six pairs of hex digits with one kind of separator, or Cisco's three dotted groups.
extension Validator {
    /// Words that call the value next to them a hardware address.
    static let macContextWords = ["mac", "mac address", "hwaddr", "hw", "ether", "bssid", "hardware address",
                                  "adresse mac", "mac-adresse", "dirección mac", "endereço mac", "indirizzo mac"]

    func mac(_ range: Range<Int>) -> Hit? {
        bytes[range.lowerBound + 4] == UInt8(ascii: ".") ? dottedMAC(range) : pairedMAC(range)
    }

    /// `3c:22:fb:5a:19:0e`, `3C-22-FB-5A-19-0E`.
    func pairedMAC(_ range: Range<Int>) -> Hit? {
        let start = range.lowerBound, end = range.upperBound
        let isGlue: (UInt8) -> Bool = { Bytes.isWord($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "-") }
        if start > 0, isGlue(bytes[start - 1]) { return nil }
        if end < bytes.count, isGlue(bytes[end]) { return nil }
        let separators = Set(bytes[range].filter { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "-") })
        guard separators.count == 1 else { return nil }
        let text = Bytes.text(bytes[range]).lowercased()
        if text == "00:00:00:00:00:00" || text == "ff:ff:ff:ff:ff:ff" || text == "00-00-00-00-00-00"
            || text == "ff-ff-ff-ff-ff-ff" {
            return Hit(.macAddress, range, confidence: 0.95, severity: .info, "null or broadcast MAC address \(text)")
        }
        let masked = String(text.prefix(8)) + String(repeating: text.contains(":") ? ":xx" : "-xx", count: 3)
        return Hit(.macAddress, range, confidence: 0.9, "MAC address \(masked) (confidence 90%)")
    }

    /// `b879.7b87.2654`, as Cisco IOS prints addresses.
    ///
    /// Three groups of four hex digits are also what versions, builds and part numbers look like when they are
    /// all decimal (`2023.1104.0912`), and what words look like when they are all letters (`dead.beef.cafe`).
    /// Random hardware addresses almost always have both (twelve hex digits are all decimal once in 280): an
    /// all-decimal triple is reported only when a word such as "MAC", "ether" or "hw" stands next to it, and
    /// one without any digit never.
    func dottedMAC(_ range: Range<Int>) -> Hit? {
        let start = range.lowerBound, end = range.upperBound
        let dot = UInt8(ascii: ".")
        // Glued to a word, or a piece of a longer dotted run (an OID, a version, a host name).
        if start > 0, Bytes.isWord(bytes[start - 1]) || bytes[start - 1] == dot { return nil }
        if end < bytes.count, Bytes.isWord(bytes[end]) { return nil }
        if end + 1 < bytes.count, bytes[end] == dot, Bytes.isWord(bytes[end + 1]) { return nil }
        let text = Bytes.text(bytes[range]).lowercased()
        if text == "0000.0000.0000" || text == "ffff.ffff.ffff" {
            return Hit(.macAddress, range, confidence: 0.95, severity: .info, "null or broadcast MAC address \(text)")
        }
        let hexDigits = bytes[range].filter { $0 != dot }
        guard hexDigits.contains(where: Bytes.isDigit) else { return nil }
        let decimalOnly = hexDigits.allSatisfy(Bytes.isDigit)
        if decimalOnly && !hasWord(Self.macContextWords, near: range) { return nil }
        let masked = String(text.prefix(7)) + "xx.xxxx"
        let confidence = decimalOnly ? 0.8 : 0.9
        return Hit(.macAddress, range, confidence: confidence,
                   "MAC address \(masked) (Cisco notation, confidence \(Self.percent(confidence)))")
    }
}
