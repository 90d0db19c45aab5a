@testable import RecordScanner
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scanner as it was before its fast paths: every string byte by byte (eight at a time while plain ASCII),
/// every escape and multi-byte character through one general check. Kept frozen as the reference that
/// `FastPathTests` compares the scanner with, tape and error message alike.
struct ReferenceScanPass {
    let line: UnsafeRawBufferPointer
    let maxDepth: Int
    var position = 0

    init(line: UnsafeRawBufferPointer, maxDepth: Int) {
        self.line = line
        self.maxDepth = maxDepth
    }

    typealias Failure = JSONSyntaxError

    /// Scans the whole line. Nesting is handled with the explicit `containers` stack, never by recursion.
    mutating func run(nodes: inout [JSONNode], containers: inout [Int],
                      duplicates: inout [DuplicateKey]) -> Result<Void, Failure> {
        do throws(Failure) {
            var needsValue = true
            while true {
                skipWhitespace()
                if needsValue {
                    needsValue = try scanValue(nodes: &nodes, containers: &containers)
                    continue
                }
                guard let container = containers.last else { break }
                needsValue = try scanAfterMember(of: container, nodes: &nodes, containers: &containers,
                                                 duplicates: &duplicates)
            }
            if position < line.count {
                throw unexpected("expected the end of the line after the JSON value")
            }
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// After a member of `container`: a separator (then another member is needed) or the closing bracket.
    private mutating func scanAfterMember(of container: Int, nodes: inout [JSONNode], containers: inout [Int],
                                         duplicates: inout [DuplicateKey]) throws(Failure) -> Bool {
        let isObject = nodes[container].kind == .object
        guard position < line.count else {
            throw Failure(offset: position, length: 0, message: isObject
                ? "expected ',' or '}' after object member, found the end of the line"
                : "expected ',' or ']' after array element, found the end of the line")
        }
        let byte = line[position]
        if byte == UInt8(ascii: ",") {
            position += 1
            if isObject { try scanKey(nodes: &nodes) }
            nodes[container].childCount += 1
            return true
        }
        guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
            throw unexpected(isObject ? "expected ',' or '}' after object member"
                                      : "expected ',' or ']' after array element")
        }
        position += 1
        close(container, nodes: &nodes, containers: &containers, duplicates: &duplicates)
        return false
    }

    // MARK: Values

    /// Scans one value at `position`. Containers are opened here and closed by `run`'s loop; returns true when
    /// a non-empty container was opened, so that its first member's value comes next.
    private mutating func scanValue(nodes: inout [JSONNode], containers: inout [Int]) throws(Failure) -> Bool {
        guard position < line.count else {
            throw Failure(offset: position, length: 0, message: "expected a JSON value, found the end of the line")
        }
        let byte = line[position]
        switch byte {
        case UInt8(ascii: "\""):
            try scanString(nodes: &nodes)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return try open(byte == UInt8(ascii: "{") ? .object : .array, nodes: &nodes, containers: &containers)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber(nodes: &nodes)
        case UInt8(ascii: "t"): try scanLiteral("true", kind: .trueLiteral, nodes: &nodes)
        case UInt8(ascii: "f"): try scanLiteral("false", kind: .falseLiteral, nodes: &nodes)
        case UInt8(ascii: "n"): try scanLiteral("null", kind: .null, nodes: &nodes)
        default:
            throw unexpected("expected a JSON value")
        }
        return false
    }

    private mutating func open(_ kind: JSONKind, nodes: inout [JSONNode], containers: inout [Int]) throws(Failure) -> Bool {
        guard containers.count < maxDepth else {
            throw Failure(.depth, offset: position, message: "nesting deeper than \(maxDepth) levels")
        }
        let index = nodes.count
        nodes.append(JSONNode(kind: kind, start: position))
        containers.append(index)
        position += 1
        skipWhitespace()
        let closer = kind == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        if position < line.count && line[position] == closer {
            position += 1
            containers.removeLast()
            nodes[index].endOffset = UInt32(truncatingIfNeeded: position)
            nodes[index].nextIndex = UInt32(truncatingIfNeeded: nodes.count)
            return false
        }
        nodes[index].childCount = 1
        if kind == .object { try scanKey(nodes: &nodes) }
        return true
    }

    private func close(_ container: Int, nodes: inout [JSONNode], containers: inout [Int],
                       duplicates: inout [DuplicateKey]) {
        containers.removeLast()
        nodes[container].endOffset = UInt32(truncatingIfNeeded: position)
        nodes[container].nextIndex = UInt32(truncatingIfNeeded: nodes.count)
        if nodes[container].kind == .object && nodes[container].childCount > 1 {
            ReferenceDuplicateKeyFinder(line: line, nodes: nodes).find(in: container, into: &duplicates)
        }
    }

    /// Scans `"key"` and the `:` after it.
    private mutating func scanKey(nodes: inout [JSONNode]) throws(Failure) {
        skipWhitespace()
        guard position < line.count else {
            throw Failure(offset: position, length: 0, message: "expected '\"' to start an object key, found the end of the line")
        }
        guard line[position] == UInt8(ascii: "\"") else {
            throw unexpected("expected '\"' to start an object key")
        }
        try scanString(nodes: &nodes)
        skipWhitespace()
        guard position < line.count else {
            throw Failure(offset: position, length: 0, message: "expected ':' after object key, found the end of the line")
        }
        guard line[position] == UInt8(ascii: ":") else { throw unexpected("expected ':' after object key") }
        position += 1
    }

    private mutating func scanLiteral(_ word: StaticString, kind: JSONKind, nodes: inout [JSONNode]) throws(Failure) {
        let start = position
        let length = word.utf8CodeUnitCount
        var matched = 0
        while matched < length, start + matched < line.count,
              line[start + matched] == word.utf8Start[matched] {
            matched += 1
        }
        guard matched == length else {
            var end = start + 1
            while end < line.count, isLetter(line[end]) { end += 1 }
            throw Failure(offset: start, length: end - start,
                          message: "invalid literal '\(printable(start..<end))'; expected \(word)")
        }
        position += length
        nodes.append(JSONNode(kind: kind, start: start, end: position))
        nodes[nodes.count - 1].nextIndex = UInt32(truncatingIfNeeded: nodes.count)
    }

    private mutating func scanNumber(nodes: inout [JSONNode]) throws(Failure) {
        let start = position
        if line[position] == UInt8(ascii: "-") { position += 1 }
        guard position < line.count, isDigit(line[position]) else {
            throw expectedDigit("after '-'")
        }
        if line[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            skipDigits()
        }
        if position < line.count && line[position] == UInt8(ascii: ".") {
            position += 1
            guard position < line.count, isDigit(line[position]) else { throw expectedDigit("after '.'") }
            skipDigits()
        }
        if position < line.count && (line[position] | 0x20) == UInt8(ascii: "e") {
            position += 1
            if position < line.count && (line[position] == UInt8(ascii: "+") || line[position] == UInt8(ascii: "-")) {
                position += 1
            }
            guard position < line.count, isDigit(line[position]) else { throw expectedDigit("in the exponent") }
            skipDigits()
        }
        nodes.append(JSONNode(kind: .number, start: start, end: position))
        nodes[nodes.count - 1].nextIndex = UInt32(truncatingIfNeeded: nodes.count)
    }

    // MARK: Strings

    private mutating func scanString(nodes: inout [JSONNode]) throws(Failure) {
        let start = position
        position += 1
        var hasEscapes = false
        while true {
            skipPlainStringBytes()
            guard position < line.count else {
                throw Failure(offset: start, length: line.count - start,
                              message: "unterminated string: expected '\"' before the end of the line")
            }
            let byte = line[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                break
            } else if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                try scanEscape()
            } else if byte < 0x20 {
                throw Failure(offset: position, message: "control character \(codePointName(byte)) in string; write it as an escape such as \(escapeHint(byte))")
            } else {
                try scanMultibyteCharacter()
            }
        }
        nodes.append(JSONNode(kind: .string, start: start, end: position, hasEscapes: hasEscapes))
        nodes[nodes.count - 1].nextIndex = UInt32(truncatingIfNeeded: nodes.count)
    }

    /// Advances over bytes that need no attention: printable ASCII other than `"` and `\`.
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        let count = line.count
        let base = line.baseAddress!
        while position + 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            if Self.needsAttention(word) { break }
            position += 8
        }
        while position < count {
            let byte = base.load(fromByteOffset: position, as: UInt8.self)
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return }
            position += 1
        }
    }

    /// True when any byte of `word` is a quote, a backslash, a control character or not ASCII.
    /// Classic SWAR tests; each is exact about whether some byte matches, which is all the loop needs.
    @inline(__always)
    static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        let hasControl = (word &- ones &* 0x20) & ~word
        return ((hasQuote | hasBackslash | hasControl) & highs) | (word & highs) != 0
    }

    private mutating func scanEscape() throws(Failure) {
        let start = position
        position += 1
        guard position < line.count else {
            throw Failure(offset: start, message: "unterminated escape at the end of the line")
        }
        let byte = line[position]
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 1
        case UInt8(ascii: "u"):
            position += 1
            let unit = try hexUnit(escapeStart: start)
            if (0xDC00...0xDFFF).contains(unit) {
                throw Failure(offset: start, length: 6, message: "lone low surrogate \\u\(hex(unit)): it must follow a high surrogate")
            }
            if (0xD800...0xDBFF).contains(unit) {
                guard position + 1 < line.count, line[position] == UInt8(ascii: "\\"), line[position + 1] == UInt8(ascii: "u") else {
                    throw Failure(offset: start, length: 6, message: "lone high surrogate \\u\(hex(unit)): it must be followed by a low surrogate escape")
                }
                let lowStart = position
                position += 2
                let low = try hexUnit(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw Failure(offset: start, length: 6, message: "lone high surrogate \\u\(hex(unit)): it must be followed by a low surrogate, not \\u\(hex(low))")
                }
            }
        default:
            throw Failure(offset: start, length: 2, message: "invalid escape '\\\(printable(position..<position + 1))'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
    }

    private mutating func hexUnit(escapeStart: Int) throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < line.count, let digit = hexValue(line[position]) else {
                throw Failure(offset: escapeStart, length: max(1, min(position + 1, line.count) - escapeStart),
                              message: "invalid \\u escape: expected four hexadecimal digits")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Validates one UTF-8 sequence at `position` (RFC 3629: no overlongs, surrogates or values past U+10FFFF).
    private mutating func scanMultibyteCharacter() throws(Failure) {
        let lead = line[position]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default:
            throw Failure(.encoding, offset: position, message: "invalid UTF-8: byte 0x\(hex(UInt32(lead), width: 2)) cannot start a character")
        }
        for index in 1..<length {
            let at = position + index
            guard at < line.count else {
                throw Failure(.encoding, offset: position, length: at - position, message: "invalid UTF-8: the line ends inside a character")
            }
            let byte = line[at]
            let (low, high) = index == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= low && byte <= high else {
                throw Failure(.encoding, offset: position, length: index,
                              message: "invalid UTF-8: byte 0x\(hex(UInt32(lead), width: 2)) starts a \(length)-byte character but 0x\(hex(UInt32(byte), width: 2)) follows it (is the file Latin-1 or Windows-1252?)")
            }
        }
        position += length
    }

    // MARK: Helpers

    @inline(__always)
    private mutating func skipWhitespace() {
        while position < line.count {
            let byte = line[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    private mutating func skipDigits() {
        while position < line.count && isDigit(line[position]) { position += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func expectedDigit(_ place: String) -> Failure {
        position < line.count
            ? Failure(offset: position, message: "expected a digit \(place), found \(describe(line[position]))")
            : Failure(offset: position, length: 0, message: "expected a digit \(place), found the end of the line")
    }

    private func unexpected(_ expectation: String) -> Failure {
        Failure(offset: position, length: characterLength(at: position),
                message: "\(expectation), found \(describe(line[position]))")
    }

    private func characterLength(at offset: Int) -> Int {
        let lead = line[offset]
        let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return min(length, line.count - offset)
    }

    /// How to name a byte in a message: a quoted character, or its code for invisible and invalid bytes.
    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x80 { return codePointName(byte) }
        let length = characterLength(at: position)
        if let text = String(validating: UnsafeRawBufferPointer(rebasing: line[position..<position + length]),
                             as: UTF8.self) {
            return "'\(text)'"
        }
        return "byte 0x\(hex(UInt32(byte), width: 2))"
    }

    private func printable(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<line.count)
        return String(decoding: UnsafeRawBufferPointer(rebasing: line[clamped]), as: UTF8.self)
    }
}

private func hex(_ value: UInt32, width: Int = 4) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

private func codePointName(_ byte: UInt8) -> String {
    switch byte {
    case 0x00: "NUL (U+0000)"
    case 0x09: "a tab (U+0009)"
    case 0x0A: "a line feed (U+000A)"
    case 0x0D: "a carriage return (U+000D)"
    case 0x20: "a space"
    case 0x7F: "DEL (U+007F)"
    default: "U+\(hex(UInt32(byte)))"
    }
}

private func escapeHint(_ byte: UInt8) -> String {
    switch byte {
    case 0x09: "\\t"
    case 0x0A: "\\n"
    case 0x0D: "\\r"
    default: "\\u\(hex(UInt32(byte)))"
    }
}

/// The duplicate-key finder as it was, beside `ReferenceScanPass`. Finds keys that occur twice in one object.
/// Keys are compared by their decoded value, so `"a"` and `"\u0061"` are the same key, as they are to every
/// JSON consumer.
struct ReferenceDuplicateKeyFinder {
    let line: UnsafeRawBufferPointer
    let nodes: [JSONNode]

    /// Objects this small are checked pairwise, which is cheaper than hashing for the usual handful of keys.
    private static let pairwiseLimit = 12

    func find(in object: Int, into duplicates: inout [DuplicateKey]) {
        var keys: [Int] = []
        keys.reserveCapacity(nodes[object].count)
        var key = object + 1
        for _ in 0..<nodes[object].count {
            keys.append(key)
            key = nodes[key + 1].next
        }
        if keys.count <= Self.pairwiseLimit {
            findPairwise(keys, into: &duplicates)
        } else {
            findHashed(keys, into: &duplicates)
        }
    }

    private func findPairwise(_ keys: [Int], into duplicates: inout [DuplicateKey]) {
        for later in 1..<keys.count {
            for earlier in 0..<later where sameKey(keys[earlier], keys[later]) {
                duplicates.append(DuplicateKey(keyNode: keys[later], firstKeyNode: keys[earlier]))
                break
            }
        }
    }

    private func findHashed(_ keys: [Int], into duplicates: inout [DuplicateKey]) {
        var firstOccurrence: [[UInt8]: Int] = [:]
        for key in keys {
            let decoded = JSONStringDecoder.decode(line, span: nodes[key].span, hasEscapes: nodes[key].hasEscapes)
            if let first = firstOccurrence[decoded] {
                duplicates.append(DuplicateKey(keyNode: key, firstKeyNode: first))
            } else {
                firstOccurrence[decoded] = key
            }
        }
    }

    private func sameKey(_ a: Int, _ b: Int) -> Bool {
        let first = nodes[a]
        let second = nodes[b]
        if !first.hasEscapes && !second.hasEscapes {
            guard first.end - first.start == second.end - second.start else { return false }
            return memcmp(line.baseAddress! + first.start, line.baseAddress! + second.start,
                          first.end - first.start) == 0
        }
        return JSONStringDecoder.decode(line, span: first.span, hasEscapes: first.hasEscapes)
            == JSONStringDecoder.decode(line, span: second.span, hasEscapes: second.hasEscapes)
    }
}

/// Scans a line with `ReferenceScanPass`, as `RecordScanner.scan` does with `ScanPass`.
enum ReferenceScanner {
    struct Result: Equatable {
        var nodes: [JSONNode] = []
        var duplicates: [DuplicateKey] = []
        var error: JSONSyntaxError?
    }

    static func scan(_ line: [UInt8], maxDepth: Int = RecordScanner.defaultMaxDepth) -> Result {
        var result = Result()
        var containers: [Int] = []
        let outcome = line.withUnsafeBytes { buffer in
            var pass = ReferenceScanPass(line: buffer, maxDepth: maxDepth)
            return pass.run(nodes: &result.nodes, containers: &containers, duplicates: &result.duplicates)
        }
        if case .failure(let error) = outcome { result.error = error }
        return result
    }
}
