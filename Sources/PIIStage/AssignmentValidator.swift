import Diagnostics

/// Generic secrets: a random-looking value assigned to a name that says it is secret, as detect-secrets'
/// keyword and high-entropy plugins find them.
extension Validator {
    /// Words in a value that mark it as a placeholder or a reference, not a secret.
    static let placeholderMarkers = ["xxxx", "****", "your", "example", "changeme", "change_me", "placeholder",
                                     "dummy", "redacted", "<", ">", "${", "{{", "%(", "process.env", "os.environ",
                                     "getenv", "settings.", "config.", "env."]

    func assignment(_ range: Range<Int>) -> Hit? {
        // The name must not be the tail of a longer word ("monkey=", "tokenizer:" are not secrets' names).
        guard range.lowerBound == 0 || !Bytes.isAlnum(bytes[range.lowerBound - 1]) || bytes[range.lowerBound - 1] == UInt8(ascii: "_")
        else { return nil }
        // The value starts after the operator, the spaces and an opening quote.
        var index = range.lowerBound
        while index < range.upperBound, ![UInt8(ascii: "="), UInt8(ascii: ":")].contains(bytes[index]) { index += 1 }
        let nameEnd = index
        while index < range.upperBound, [UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: ">"), UInt8(ascii: " "),
              UInt8(ascii: "\t")].contains(bytes[index]) { index += 1 }
        var quote: UInt8?
        if index < range.upperBound, [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")].contains(bytes[index]) {
            quote = bytes[index]
            index += 1
        }
        var end = range.upperBound
        if let quote {
            // A quoted value ends at its closing quote, which must come right after the matched characters.
            guard end < bytes.count, bytes[end] == quote else { return nil }
        } else {
            // An unquoted value is the whole run of value characters (a shorter match is a piece of it).
            if end < bytes.count, Self.isValueByte(bytes[end]) { return nil }
            // It ends at white space, a comma, a semicolon or a closing bracket.
            while end > index, [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";")].contains(bytes[end - 1]) { end -= 1 }
        }
        let value = bytes[index..<end]
        guard value.count >= 12, value.count <= 200 else { return nil }
        let lowered = Bytes.lowercased(value)
        let text = String(decoding: lowered, as: UTF8.self)
        guard !Self.placeholderMarkers.contains(where: { text.contains($0) }) else { return nil }
        // Code, not a literal: `token = get_token()`, `password: user.password`.
        if value.contains(where: { $0 == UInt8(ascii: "(") }) { return nil }
        let hasDigit = value.contains(where: Bytes.isDigit)
        let hasUpper = value.contains(where: Bytes.isUpper)
        let hasLower = value.contains(where: Bytes.isLower)
        // Identifiers and words ("my_secret_password", "Bearer") are names, not random values.
        guard hasDigit || (hasUpper && hasLower) else { return nil }
        if Self.isUUID(value) || Self.isSequential(lowered) { return nil }
        let entropy = Bytes.shannonEntropy(value)
        let isHex = value.allSatisfy(Bytes.isHex)
        // detect-secrets' limits are 3.0 bits per character for hex strings and 4.5 for base64 ones; a string
        // of n characters cannot exceed log2(n) bits, so shorter values are held to log2(n) - 0.7 instead.
        let limit = isHex ? 3.0 : min(4.5, log2Approx(value.count) - 0.7)
        guard entropy >= limit else { return nil }
        let name = Bytes.text(bytes[range.lowerBound..<nameEnd]).trimmingQuotes()
        let confidence = entropy >= limit + 0.5 ? 0.85 : 0.75
        let masked = Mask.ends(value, head: 2, tail: 2)
        let tenths = Int((entropy * 10).rounded())
        return Hit(.highEntropy, index..<end, confidence: confidence,
                   "high-entropy value \(masked) assigned to '\(name)' (\(tenths / 10).\(tenths % 10) bits per character, confidence \(Self.percent(confidence)))")
    }

    static func isValueByte(_ byte: UInt8) -> Bool {
        Bytes.isAlnum(byte) || Array("+/=_.~$!@#%^&*-".utf8).contains(byte)
    }

    static func isUUID(_ value: ArraySlice<UInt8>) -> Bool {
        let groups = value.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false).map(\.count)
        return groups == [8, 4, 4, 4, 12] && value.allSatisfy { Bytes.isHex($0) || $0 == UInt8(ascii: "-") }
    }

    /// "abcdefgh12345678", "0123456789abcdef": runs that count up, which detect-secrets also filters out.
    static func isSequential(_ value: [UInt8]) -> Bool {
        var steps = 0
        for (a, b) in zip(value, value.dropFirst()) where b == a &+ 1 { steps += 1 }
        return steps * 2 >= value.count
    }

    private func log2Approx(_ n: Int) -> Double {
        var value = Double(n)
        var result = 0.0
        while value >= 2 { value /= 2; result += 1 }
        // Linear interpolation within the octave is within 0.09 bits of log2.
        return result + (value - 1)
    }
}

private extension String {
    func trimmingQuotes() -> String {
        String(filter { $0 != "\"" && $0 != "'" && $0 != "\\" && $0 != " " })
    }
}
