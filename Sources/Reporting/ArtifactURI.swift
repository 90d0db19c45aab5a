/// The SARIF `artifactLocation.uri` of a path as the user named it.
enum ArtifactURI {
    /// The names under which the checker reports standard input.
    static let standardInputNames: Set<String> = ["-", "<stdin>", ""]

    /// A relative path becomes a relative URI reference (`./` dropped, so that code scanning resolves it
    /// against the repository root), an absolute path a `file://` URI, and standard input `stdin`. Every
    /// byte outside RFC 3986's unreserved set and `/` is percent-encoded: that also covers `:` in a first
    /// segment, which would otherwise read as a URI scheme.
    static func uri(forPath path: String) -> String {
        if standardInputNames.contains(path) { return "stdin" }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        let encoded = percentEncoded(relative)
        return relative.hasPrefix("/") ? "file://" + encoded : encoded
    }

    private static func percentEncoded(_ path: Substring) -> String {
        var result = ""
        result.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            if isKeptAsIs(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result.append("%")
                result.append(hexDigit(byte >> 4))
                result.append(hexDigit(byte & 0x0F))
            }
        }
        return result
    }

    private static func isKeptAsIs(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> Character {
        Character(Unicode.Scalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10))
    }
}
