import Diagnostics

/// Validators for credentials with fixed formats.
extension Validator {
    /// True when the token is not glued to a word before it (`task-…` is not `sk-…`).
    func tokenBoundaryBefore(_ offset: Int) -> Bool {
        offset == 0 || !(Bytes.isWord(bytes[offset - 1]) || bytes[offset - 1] == UInt8(ascii: "-"))
    }

    /// Placeholder-looking values: one repeated character, or too little variety to be random.
    static func looksRandom(_ body: ArraySlice<UInt8>, minimumEntropy: Double = 3.0) -> Bool {
        Bytes.shannonEntropy(body) >= minimumEntropy
    }

    func secret(_ code: PIICode, _ range: Range<Int>, _ what: String, head: Int, confidence: Double,
                severity: Severity? = nil, note: String = "") -> Hit {
        let masked = Mask.ends(bytes[range], head: head)
        return Hit(code, range, confidence: confidence, severity: severity,
                   "\(what) \(masked)\(note) (confidence \(Self.percent(confidence)))")
    }

    func awsAccessKey(_ range: Range<Int>) -> Hit? {
        guard range.count == 20, tokenBoundaryBefore(range.lowerBound) else { return nil }
        // Key ids are base32 after the four-letter prefix.
        let body = bytes[(range.lowerBound + 4)..<range.upperBound]
        guard body.allSatisfy({ Bytes.isUpper($0) || (0x32...0x37).contains($0) }), !Self.isPlaceholderKeyBody(body)
        else { return nil }
        if body.suffix(7).elementsEqual("EXAMPLE".utf8) {
            return secret(.awsAccessKey, range, "AWS documentation example access key id", head: 4, confidence: 0.99,
                          severity: .info)
        }
        return secret(.awsAccessKey, range, "AWS access key id", head: 4, confidence: 0.97)
    }

    /// `AKIAXXXXXXXXXXXXXXXX`, `AKIAXXXXXXXXXXXX2345`: a run of six or more of one character, or three distinct
    /// characters or fewer, is typed, not random (in sixteen random base-32 characters either has odds below 10⁻⁶).
    static func isPlaceholderKeyBody(_ body: ArraySlice<UInt8>) -> Bool {
        var longestRun = 0, run = 0
        var previous: UInt8?
        for byte in body {
            run = byte == previous ? run + 1 : 1
            longestRun = max(longestRun, run)
            previous = byte
        }
        return longestRun >= 6 || Set(body).count <= 3
    }

    func githubToken(_ range: Range<Int>) -> Hit? {
        guard tokenBoundaryBefore(range.lowerBound) else { return nil }
        let token = bytes[range]
        if token.starts(with: Array("github_pat_".utf8)) {
            guard token.count == 93 else { return nil }
            return secret(.githubToken, range, "GitHub fine-grained token", head: 11, confidence: 0.98)
        }
        guard token.count == 40 else { return nil }
        let body = token.dropFirst(4)
        guard Self.looksRandom(body) else { return nil }
        let checked = Self.githubChecksumIsValid(body)
        return secret(.githubToken, range, "GitHub token", head: 4, confidence: checked ? 0.99 : 0.9,
                      note: checked ? ", checksum valid" : "")
    }

    /// GitHub's classic token format: the last six characters are the base62 CRC32 of the first thirty.
    static func githubChecksumIsValid(_ body: ArraySlice<UInt8>) -> Bool {
        guard body.count == 36 else { return false }
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        var value = Int(crc32(body.prefix(30)))
        var encoded = [UInt8](repeating: alphabet[0], count: 6)
        for index in stride(from: 5, through: 0, by: -1) {
            encoded[index] = alphabet[value % 62]
            value /= 62
        }
        return body.suffix(6).elementsEqual(encoded)
    }

    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    func gitlabToken(_ range: Range<Int>) -> Hit? {
        guard tokenBoundaryBefore(range.lowerBound), range.count >= 26,
              Self.looksRandom(bytes[(range.lowerBound + 6)..<range.upperBound]) else { return nil }
        return secret(.gitlabToken, range, "GitLab personal access token", head: 6, confidence: 0.97)
    }

    func slackToken(_ range: Range<Int>) -> Hit? {
        guard tokenBoundaryBefore(range.lowerBound) else { return nil }
        let segments = bytes[(range.lowerBound + 5)..<range.upperBound].split(separator: UInt8(ascii: "-"))
        // xoxb-<team id>-<bot id>-<secret>: real tokens carry long numeric ids.
        guard segments.count >= 2, segments.contains(where: { $0.count >= 8 && $0.allSatisfy(Bytes.isDigit) }),
              range.count >= 24 else { return nil }
        return secret(.slackToken, range, "Slack token", head: 5, confidence: 0.96)
    }

    func stripeKey(_ range: Range<Int>) -> Hit? {
        guard tokenBoundaryBefore(range.lowerBound) else { return nil }
        let isLive = bytes[range].starts(with: Array("sk_live_".utf8)) || bytes[range].starts(with: Array("rk_live_".utf8))
        let body = bytes[(range.lowerBound + (isLive ? 8 : 8))..<range.upperBound]
        guard body.count >= 20, Self.looksRandom(body) else { return nil }
        if !isLive {
            return secret(.stripeKey, range, "Stripe test-mode key", head: 8, confidence: 0.95, severity: .info)
        }
        return secret(.stripeKey, range, "Stripe live key", head: 8, confidence: 0.98)
    }

    func googleAPIKey(_ range: Range<Int>) -> Hit? {
        guard tokenBoundaryBefore(range.lowerBound), range.count == 39,
              Self.looksRandom(bytes[(range.lowerBound + 4)..<range.upperBound]) else { return nil }
        return secret(.googleAPIKey, range, "Google API key", head: 4, confidence: 0.97)
    }

    /// `sk-ant-…` (Anthropic) and `sk-…`, `sk-proj-…`, `sk-svcacct-…`, `sk-admin-…` (OpenAI).
    func skKey(_ range: Range<Int>) -> Hit? {
        guard tokenBoundaryBefore(range.lowerBound) else { return nil }
        let token = bytes[range]
        if token.starts(with: Array("sk-ant-".utf8)) {
            let body = token.dropFirst(7)
            guard body.count >= 40, Self.looksRandom(body, minimumEntropy: 3.5) else { return nil }
            return secret(.anthropicKey, range, "Anthropic API key", head: 7, confidence: 0.98)
        }
        let body = token.dropFirst(3)
        let hasDigit = body.contains(where: Bytes.isDigit)
        let hasUpper = body.contains(where: Bytes.isUpper)
        let hasLower = body.contains(where: Bytes.isLower)
        guard hasDigit, hasUpper || hasLower, Self.looksRandom(body, minimumEntropy: 3.5) else { return nil }
        let marked = Bytes.firstIndex(of: Array("T3BlbkFJ".utf8), in: body) != nil
        let projectKey = ["proj-", "svcacct-", "admin-"].contains { body.starts(with: Array($0.utf8)) }
        let confidence: Double
        if marked {
            confidence = 0.99
        } else if projectKey && body.count >= 40 {
            confidence = 0.95
        } else if body.count == 48 && body.allSatisfy(Bytes.isAlnum) {
            confidence = 0.9
        } else if body.count >= 32 && hasUpper && hasLower {
            confidence = 0.8
        } else {
            return nil
        }
        return secret(.openAIKey, range, "OpenAI API key", head: projectKey ? 8 : 3, confidence: confidence)
    }

    func privateKey(_ range: Range<Int>) -> Hit? {
        // The block runs to its END line, or to the end of the string when it was cut off.
        let endMarker = Array("-----END".utf8)
        var end = bytes.count
        var bodyEnd = bytes.count
        if let endStart = Bytes.firstIndex(of: endMarker, in: bytes[range.upperBound...]) {
            bodyEnd = endStart
            let closing = Array("-----".utf8)
            end = Bytes.firstIndex(of: closing, in: bytes[(endStart + endMarker.count)...]).map { $0 + closing.count } ?? bytes.count
        }
        let body = bytes[range.upperBound..<bodyEnd]
        let base64 = body.filter { Bytes.isAlnum($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "/") }.count
        let header = Bytes.text(bytes[range]).dropFirst(11).dropLast(5)
        if base64 < 64 {
            return Hit(.privateKey, range.lowerBound..<end, confidence: 0.6, severity: .info,
                       "PEM \(header) header with no key material (placeholder or truncated)")
        }
        return Hit(.privateKey, range.lowerBound..<end, confidence: 0.99,
                   "PEM \(header) block (\(base64) base64 characters of key material, confidence 99%)")
    }

    func jwt(_ range: Range<Int>) -> Hit? {
        guard tokenBoundaryBefore(range.lowerBound) else { return nil }
        let parts = bytes[range].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 2,
              let header = Self.base64URLDecode(parts[0]), Self.isJSONObject(header),
              Bytes.firstIndex(of: Array("\"alg\"".utf8), in: header[...]) != nil else { return nil }
        let payloadIsJSON = Self.base64URLDecode(parts[1]).map(Self.isJSONObject) ?? false
        let signed = parts.count == 3 && parts[2].count >= 16
        let confidence = payloadIsJSON && signed ? 0.99 : payloadIsJSON ? 0.9 : 0.8
        return secret(.jwt, range, signed ? "JSON Web Token" : "unsigned JSON Web Token", head: 6, confidence: confidence)
    }

    static func isJSONObject(_ bytes: [UInt8]) -> Bool {
        let trimmed = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        return trimmed.first == UInt8(ascii: "{") && bytes.last(where: { $0 > 0x20 }) == UInt8(ascii: "}")
    }

    static func base64URLDecode(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in text {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - 0x41
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - 0x61 + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - 0x30 + 52
            case UInt8(ascii: "-"), UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "_"), UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="): continue
            default: return nil
            }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return output
    }
}

/// AWS secret access keys: forty random base64 characters, recognised only by what they are called.
extension Validator {
    static let awsSecretKeyNames = ["secret_access_key", "secret access key", "secretaccesskey", "aws_secret",
                                    "aws secret"]
    private static let awsSecretKeyNameBytes = Bytes.utf8(awsSecretKeyNames)

    /// `valueRange` (already found random) as an AWS secret access key, when it has the shape and the label
    /// just before it names one.
    func awsSecretKey(_ valueRange: Range<Int>, name: String) -> Hit? {
        let value = bytes[valueRange]
        guard value.count == 40,
              value.allSatisfy({ Bytes.isAlnum($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "+") }) else { return nil }
        let label = Bytes.lowercased(bytes[max(0, valueRange.lowerBound - 48)..<valueRange.lowerBound])
        guard Bytes.containsAny(Self.awsSecretKeyNameBytes, in: label[...]) else { return nil }
        if value.suffix(10).elementsEqual("EXAMPLEKEY".utf8) {
            return secret(.awsSecretKey, valueRange, "AWS documentation example secret access key", head: 4,
                          confidence: 0.99, severity: .info)
        }
        return secret(.awsSecretKey, valueRange, "AWS secret access key", head: 4, confidence: 0.95)
    }
}
