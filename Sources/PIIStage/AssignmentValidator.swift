import Diagnostics

/// Generic secrets: a random-looking value assigned to a name that says it is secret, as detect-secrets'
/// keyword and high-entropy plugins find them, or named so in prose ("the password is …").
extension Validator {
    /// Words in a value that mark it as a placeholder or a reference, not a secret.
    static let placeholderMarkers = ["xxxx", "****", "your", "example", "changeme", "change_me", "placeholder",
                                     "dummy", "redacted", "<", ">", "${", "{{", "%(", "process.env", "os.environ",
                                     "getenv", "settings.", "config.", "env."]

    private static let placeholderMarkerBytes = Bytes.utf8(placeholderMarkers)

    /// Labels of a secret in prose, lower case, longest first.
    static let statedSecretLabels = ["secret access key", "access token", "mot de passe", "contraseña", "contrasena",
                                     "secret key", "passwort", "kennwort", "password", "api key", "senha"]

    private static let statedSecretLabelBytes = Bytes.utf8(statedSecretLabels)

    /// Verbs between such a label and its value.
    static let statedSecretVerbs = ["is", "ist", "lautet", "est", "es", "é", "è", "was"]

    /// Dispatches on the label at the start of the match (see `LabelledValue`).
    func assignment(_ range: Range<Int>) -> Hit? {
        // The label must not be the tail of a longer word ("monkey=", "tokenizer:" are not secrets' names).
        guard range.lowerBound == 0 || !Bytes.isAlnum(bytes[range.lowerBound - 1]) || bytes[range.lowerBound - 1] == UInt8(ascii: "_")
        else { return nil }
        if let labelLength = birthLabelLength(at: range.lowerBound) {
            return dateOfBirth(range, labelEnd: range.lowerBound + labelLength)
        }
        if let stated = statedSecret(range) { return stated }
        return assignedSecret(range)
    }

    /// `api_key = "…"`, `password: …`, `"client_secret": "…"`.
    func assignedSecret(_ range: Range<Int>) -> Hit? {
        var index = range.lowerBound
        while index < range.upperBound, ![UInt8(ascii: "="), UInt8(ascii: ":")].contains(bytes[index]) { index += 1 }
        let nameEnd = index
        while index < range.upperBound, [UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: ">"), UInt8(ascii: " "),
              UInt8(ascii: "\t")].contains(bytes[index]) { index += 1 }
        let name = Bytes.text(bytes[range.lowerBound..<nameEnd]).trimmingQuotes()
        return secretValue(from: index, to: range.upperBound, name: name)
    }

    /// `Das Passwort ist …`, `secret access key …`: a label, a verb, the value.
    func statedSecret(_ range: Range<Int>) -> Hit? {
        guard let labelIndex = Self.statedSecretLabelBytes.firstIndex(where: { Bytes.hasPrefixIgnoringASCIICase(bytes[range], $0) })
        else { return nil }
        let label = Self.statedSecretLabels[labelIndex]
        var index = range.lowerBound + label.utf8.count
        // `password = …` is an assignment, not prose.
        var probe = index
        while probe < range.upperBound, [UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "_")].contains(bytes[probe]) {
            probe += 1
        }
        if probe < range.upperBound, [UInt8(ascii: "="), UInt8(ascii: ":")].contains(bytes[probe]) { return nil }
        while index < range.upperBound, bytes[index] == UInt8(ascii: " ") { index += 1 }
        if let verb = Self.statedSecretVerbs.first(where: { word in
            let end = index + word.utf8.count
            return end < range.upperBound && bytes[index..<end].elementsEqual(word.utf8) && bytes[end] == UInt8(ascii: " ")
        }) {
            index += verb.utf8.count
            while index < range.upperBound, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }
        // The match ends where the value starts; the value runs to the first byte that cannot be part of it.
        var valueEnd = index
        if valueEnd < bytes.count, [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")].contains(bytes[valueEnd]) {
            valueEnd += 1
        }
        while valueEnd < bytes.count, Self.isValueByte(bytes[valueEnd]) { valueEnd += 1 }
        return secretValue(from: index, to: valueEnd, name: label)
    }

    /// The value from `start` (an opening quote included) to `matchEnd`, reported when it looks random.
    func secretValue(from start: Int, to matchEnd: Int, name: String) -> Hit? {
        var index = start
        var quote: UInt8?
        if index < matchEnd, [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")].contains(bytes[index]) {
            quote = bytes[index]
            index += 1
        }
        var end = matchEnd
        if let quote {
            // A quoted value ends at its closing quote, which must come right after the matched characters.
            guard end < bytes.count, bytes[end] == quote else { return nil }
        } else {
            // An unquoted value is the whole run of value characters (a shorter match is a piece of it).
            if end < bytes.count, Self.isValueByte(bytes[end]) { return nil }
            // It ends at white space, a comma, a semicolon, a closing bracket or the end of a sentence.
            while end > index, [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";")].contains(bytes[end - 1]) { end -= 1 }
            // `Client(api_key=abc…)`: a closing parenthesis that the value did not open.
            let value = bytes[index..<end]
            if end > index, bytes[end - 1] == UInt8(ascii: ")"),
               value.filter({ $0 == UInt8(ascii: ")") }).count > value.filter({ $0 == UInt8(ascii: "(") }).count { end -= 1 }
        }
        return randomValue(index..<end, name: name)
    }

    /// Reports `valueRange` when it is random enough and no placeholder, reference or call.
    func randomValue(_ valueRange: Range<Int>, name: String) -> Hit? {
        let value = bytes[valueRange]
        guard value.count >= 12, value.count <= 200 else { return nil }
        // AWS's documented example key is a placeholder, but a well-known one: reported as such.
        if value.count == 40, value.suffix(10).elementsEqual("EXAMPLEKEY".utf8),
           let example = awsSecretKey(valueRange, name: name) { return example }
        let lowered = Bytes.lowercased(value)
        guard !Bytes.containsAny(Self.placeholderMarkerBytes, in: lowered[...]) else { return nil }
        // Code, not a literal: `token = get_token()`, `password: user.password`.
        if Self.isCall(value) { return nil }
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
        if let awsSecret = awsSecretKey(valueRange, name: name) { return awsSecret }
        let confidence = entropy >= limit + 0.5 ? 0.85 : 0.75
        let masked = Mask.ends(value, head: 2, tail: 2)
        let tenths = Int((entropy * 10).rounded())
        return Hit(.highEntropy, valueRange, confidence: confidence,
                   "high-entropy value \(masked) assigned to '\(name)' (\(tenths / 10).\(tenths % 10) bits per character, confidence \(Self.percent(confidence)))")
    }

    /// An identifier or member path followed by an argument list: `get_token()`, `os.getenv("PW")`.
    static func isCall(_ value: ArraySlice<UInt8>) -> Bool {
        guard let open = value.firstIndex(of: UInt8(ascii: "(")), open > value.startIndex else { return false }
        return value[..<open].allSatisfy { Bytes.isWord($0) || $0 == UInt8(ascii: ".") }
    }

    static func isValueByte(_ byte: UInt8) -> Bool {
        Bytes.isAlnum(byte) || Array("+/=_.~$!@#%^&*()-".utf8).contains(byte)
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
