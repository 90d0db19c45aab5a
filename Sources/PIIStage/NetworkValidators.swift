#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics

/// Validators for IP addresses.
extension Validator {
    /// Words that say a dotted number is a version, not an address.
    static let versionWords = ["version", "ver", "v", "release", "build", "chrome", "firefox", "safari", "python",
                               "node", "java", "ios", "android", "macos", "windows", "oid", "requires", "require",
                               "firmware", "driver", "upgrade", "update", "patch"]

    /// Words after a dotted number that make it a version: "Requires 7.14.1.3 or later".
    static let versionSuffixes = [" or later", " or newer", " or higher", " or above", " and later", " and up"]

    func ipv4(_ range: Range<Int>) -> Hit? {
        let start = range.lowerBound, end = range.upperBound
        if start > 0 {
            let previous = bytes[start - 1]
            if Bytes.isWord(previous) || previous == UInt8(ascii: ".") { return nil }
        }
        if end < bytes.count {
            let next = bytes[end]
            if Bytes.isWord(next) { return nil }
            if next == UInt8(ascii: "."), end + 1 < bytes.count, Bytes.isDigit(bytes[end + 1]) { return nil }
        }
        var octets: [Int] = []
        for part in bytes[range].split(separator: UInt8(ascii: ".")) {
            guard part.count == 1 || part.first != UInt8(ascii: "0") else { return nil }
            let value = part.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard value <= 255 else { return nil }
            octets.append(value)
        }
        guard octets.count == 4 else { return nil }
        if precededByVersionWord(start) || followedByVersionSuffix(end) { return nil }
        // "1.2.3.4"-style section and version numbers: only an address when the text talks about addresses.
        if octets.allSatisfy({ $0 < 10 }) && !hasContext(["ip", "address", "host", "server", "dns", "ping", "gateway"]) {
            return nil
        }
        let text = Bytes.text(bytes[range])
        if let kind = Self.ipv4SpecialRange(octets) {
            return Hit(.ipAddress, range, confidence: 0.95, severity: .info, "\(kind) IPv4 address \(text)")
        }
        let masked = "\(octets[0]).\(octets[1]).*.*"
        return Hit(.ipAddress, range, confidence: 0.9, "public IPv4 address \(masked) (confidence 90%)")
    }

    private func followedByVersionSuffix(_ end: Int) -> Bool {
        let after = Bytes.lowercased(bytes[end..<min(bytes.count, end + 12)])
        return Self.versionSuffixes.contains { after.starts(with: Array($0.utf8)) }
    }

    private func precededByVersionWord(_ start: Int) -> Bool {
        var index = start
        while index > 0, bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: ":") { index -= 1 }
        var wordStart = index
        while wordStart > 0, Bytes.isAlnum(bytes[wordStart - 1]) { wordStart -= 1 }
        guard wordStart < index else { return false }
        let word = String(decoding: Bytes.lowercased(bytes[wordStart..<index]), as: UTF8.self)
        return Self.versionWords.contains(word)
    }

    /// Ranges that identify no one: private, loopback, link-local, documentation, shared, multicast,
    /// reserved; and the best-known public resolvers.
    static func ipv4SpecialRange(_ o: [Int]) -> String? {
        switch (o[0], o[1], o[2]) {
        case (0, _, _): return "unspecified"
        case (10, _, _), (172, 16...31, _), (192, 168, _): return "private"
        case (127, _, _): return "loopback"
        case (169, 254, _): return "link-local"
        case (100, 64...127, _): return "shared (carrier-grade NAT)"
        case (192, 0, 2), (198, 51, 100), (203, 0, 113): return "documentation"
        case (198, 18...19, _): return "benchmarking"
        case (224...239, _, _): return "multicast"
        case (240...255, _, _): return "reserved"
        default: break
        }
        let known: Set<[Int]> = [[8, 8, 8, 8], [8, 8, 4, 4], [1, 1, 1, 1], [1, 0, 0, 1], [9, 9, 9, 9],
                                 [208, 67, 222, 222]]
        return known.contains(o) ? "public DNS resolver" : nil
    }

    func ipv6(_ range: Range<Int>) -> Hit? {
        var end = range.upperBound
        // A sentence may end right after an address: "…at fe80::1."
        while end > range.lowerBound, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        let start = range.lowerBound
        if start > 0, Bytes.isWord(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ".")
            || bytes[start - 1] == UInt8(ascii: ":") { return nil }
        if end < bytes.count, Bytes.isWord(bytes[end]) { return nil }
        // Eight groups out of a longer colon-separated run are a fingerprint ("85:2C:4C:…:90:2A"), not an address.
        if end + 1 < bytes.count, bytes[end] == UInt8(ascii: ":"), Bytes.isHex(bytes[end + 1]) { return nil }
        let candidate = bytes[start..<end]
        guard candidate.count >= 3, candidate.count <= 45 else { return nil }
        let groups = candidate.split(separator: UInt8(ascii: ":"))
        let text = Bytes.text(candidate)
        // "1::2" (a slice) and "a:b:c" are not addresses; a real one has a group that is clearly hex or long.
        let plausible = text == "::1" || (groups.count >= 2
            && groups.contains { $0.count >= 3 || $0.contains { !Bytes.isDigit($0) && $0 != UInt8(ascii: ".") } })
        guard plausible else { return nil }
        var address = in6_addr()
        let parsed = text.withCString { inet_pton(AF_INET6, $0, &address) }
        guard parsed == 1 else { return nil }
        let octets = withUnsafeBytes(of: address) { Array($0) }
        let hitRange = start..<end
        if let kind = Self.ipv6SpecialRange(octets) {
            return Hit(.ipAddress, hitRange, confidence: 0.95, severity: .info, "\(kind) IPv6 address \(text)")
        }
        let masked = (groups.first.map { Bytes.text($0) } ?? "") + ":…"
        return Hit(.ipAddress, hitRange, confidence: 0.9, "public IPv6 address \(masked) (confidence 90%)")
    }

    static func ipv6SpecialRange(_ o: [UInt8]) -> String? {
        if o.dropLast().allSatisfy({ $0 == 0 }) { return o[15] == 1 ? "loopback" : o[15] == 0 ? "unspecified" : nil }
        if o[0] == 0xFE && o[1] & 0xC0 == 0x80 { return "link-local" }
        if o[0] & 0xFE == 0xFC { return "unique local (private)" }
        if o[0] == 0x20 && o[1] == 0x01 && o[2] == 0x0D && o[3] == 0xB8 { return "documentation" }
        if o[0] == 0xFF { return "multicast" }
        if o[0..<10].allSatisfy({ $0 == 0 }) && o[10] == 0xFF && o[11] == 0xFF { return "IPv4-mapped" }
        return nil
    }
}
