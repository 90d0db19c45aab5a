/// One pass of the scanner over one line. Kept separate from `RecordScanner` so the hot loop works on a raw
/// buffer that cannot outlive the `withUnsafeBytes` call that lends it.
struct ScanPass {
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
            DuplicateKeyFinder(line: line, nodes: nodes).find(in: container, into: &duplicates)
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
        appendLeaf(JSONNode(kind: kind, start: start, end: position), to: &nodes)
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
        appendLeaf(JSONNode(kind: .number, start: start, end: position), to: &nodes)
    }

    /// Appends a value without children; its subtree ends with itself. (Setting `next` before appending saves
    /// a second write through the array.)
    @inline(__always)
    private func appendLeaf(_ leaf: JSONNode, to nodes: inout [JSONNode]) {
        var node = leaf
        node.nextIndex = UInt32(truncatingIfNeeded: nodes.count + 1)
        nodes.append(node)
    }

    // MARK: Strings

    /// Scans a string. The loop jumps from one byte that needs attention to the next (see `attentionMask`) and
    /// handles the common cases in line: the closing quote, the short escapes, `\uXXXX` escapes and runs of
    /// valid multi-byte characters. Anything unusual (a bad escape, invalid UTF-8, a control byte) goes to the
    /// byte-by-byte checks below, which also write every error message, so fast and slow paths cannot disagree.
    private mutating func scanString(nodes: inout [JSONNode]) throws(Failure) {
        let start = position
        let count = line.count
        let base = line.baseAddress!
        // The offset lives in a local while the loop runs; `position` is set before anything that reads it.
        var offset = position &+ 1
        var hasEscapes = false
        while true {
            offset = Self.firstAttentionByte(base, from: offset, count: count)
            guard offset < count else {
                position = offset
                throw Failure(offset: start, length: count - start,
                              message: "unterminated string: expected '\"' before the end of the line")
            }
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            if byte == UInt8(ascii: "\"") {
                offset &+= 1
                break
            } else if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                // Escapes come in runs (`\uXXXX\uXXXX` for text written with ensure_ascii, `\\\\` in paths),
                // so go on from one to the next without a word scan in between.
                repeat {
                    let length = Self.wellFormedEscapeLength(base, at: offset, count: count)
                    if length > 0 {
                        offset &+= length
                    } else {
                        position = offset
                        try scanEscape()
                        offset = position
                    }
                } while offset < count && base.load(fromByteOffset: offset, as: UInt8.self) == UInt8(ascii: "\\")
            } else if byte >= 0x80 {
                offset = Self.endOfValidMultibyteCharacters(base, from: offset, count: count)
                // Stopped at a byte that does not continue valid UTF-8 text: if it is not ASCII, it is invalid,
                // and the exact check says why.
                if offset < count && base.load(fromByteOffset: offset, as: UInt8.self) >= 0x80 {
                    position = offset
                    try scanMultibyteCharacter()
                    offset = position
                }
            } else {
                position = offset
                throw Failure(offset: position, message: "control character \(codePointName(byte)) in string; write it as an escape such as \(escapeHint(byte))")
            }
        }
        position = offset
        appendLeaf(JSONNode(kind: .string, start: start, end: position, hasEscapes: hasEscapes), to: &nodes)
    }

    /// The offset of the first byte at or after `start` that a string scan must look at: a quote, a backslash,
    /// a control character or a byte that is not ASCII; `count` when there is none. Eight bytes per step in a
    /// `UInt64`: Swift's `SIMD16<UInt8>` comparisons compile to a loop over the lanes for the default x86-64
    /// target (SSE2 only, no movemask), which is slower than this.
    @inline(__always)
    static func firstAttentionByte(_ base: UnsafeRawPointer, from start: Int, count: Int) -> Int {
        var offset = start
        while offset &+ 8 <= count {
            let mask = attentionMask(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            if mask != 0 { return offset &+ mask.trailingZeroBitCount &>> 3 }
            offset &+= 8
        }
        while offset < count {
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return offset }
            offset &+= 1
        }
        return count
    }

    /// A word with the high bit of a byte set for bytes that are a quote, a backslash, a control character or
    /// not ASCII (the classic SWAR zero-byte tests). Bits above the lowest one may be false positives (a
    /// borrow runs on from a byte that matched), but the lowest set bit is always exact: it can only come from
    /// the first byte that matches, which is all the scan needs. Little-endian words put that byte lowest.
    @inline(__always)
    static func attentionMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl | word) & highs
    }

    /// True when any byte of `word` is a quote, a backslash, a control character or not ASCII.
    @inline(__always)
    static func needsAttention(_ word: UInt64) -> Bool { attentionMask(word) != 0 }

    /// The length of the escape at `offset` when it is well formed: 2 for a short escape, 6 for a `\uXXXX`
    /// escape that is not a surrogate, 12 for a high surrogate escape followed by a low one; 0 for anything
    /// else, which `scanEscape` then finds and describes.
    @inline(__always)
    private static func wellFormedEscapeLength(_ base: UnsafeRawPointer, at offset: Int, count: Int) -> Int {
        guard offset &+ 1 < count else { return 0 }
        let escape = base.load(fromByteOffset: offset &+ 1, as: UInt8.self)
        if escape == UInt8(ascii: "u") {
            guard offset &+ 6 <= count, let unit = fourHexDigits(base, at: offset &+ 2) else { return 0 }
            if unit & 0xF800 != 0xD800 { return 6 }
            // A surrogate: only a high one followed by an escaped low one is well formed.
            guard unit < 0xDC00, offset &+ 12 <= count,
                  base.load(fromByteOffset: offset &+ 6, as: UInt8.self) == UInt8(ascii: "\\"),
                  base.load(fromByteOffset: offset &+ 7, as: UInt8.self) == UInt8(ascii: "u"),
                  let low = fourHexDigits(base, at: offset &+ 8), low & 0xFC00 == 0xDC00 else { return 0 }
            return 12
        }
        return isShortEscape(escape) ? 2 : 0
    }

    /// True for the letters of the two-byte escapes: `"` `\` `/` `b` `f` `n` `r` `t`. A bit test rather than a
    /// switch, whose jump table mispredicts on text that mixes `\n`, `\"` and `\\`.
    @inline(__always)
    static func isShortEscape(_ byte: UInt8) -> Bool {
        // Bit (byte - 64) for `\ b f n r t`; bit byte for `" /`.
        let upper: UInt64 = 1 << (0x5C - 64) | 1 << (0x62 - 64) | 1 << (0x66 - 64) | 1 << (0x6E - 64)
            | 1 << (0x72 - 64) | 1 << (0x74 - 64)
        let lower: UInt64 = 1 << 0x22 | 1 << 0x2F
        let table = byte < 64 ? lower : upper
        return byte < 128 && (table >> UInt64(byte & 63)) & 1 != 0
    }

    /// The value of four hexadecimal digits at `offset`, or nil when one of them is not a hexadecimal digit.
    @inline(__always)
    private static func fourHexDigits(_ base: UnsafeRawPointer, at offset: Int) -> UInt32? {
        var value: UInt32 = 0
        var valid = true
        for index in 0..<4 {
            let byte = base.load(fromByteOffset: offset + index, as: UInt8.self)
            let digit = byte &- UInt8(ascii: "0")
            let letter = (byte | 0x20) &- UInt8(ascii: "a")
            valid = valid && (digit < 10 || letter < 6)
            value = value << 4 | UInt32(digit < 10 ? digit : letter &+ 10)
        }
        return valid ? value : nil
    }

    /// The offset after the consecutive well-formed multi-byte characters (RFC 3629, as `scanMultibyteCharacter`
    /// checks them) that start at `start`: the first byte that is ASCII or does not start a valid character.
    private static func endOfValidMultibyteCharacters(_ base: UnsafeRawPointer, from start: Int, count: Int) -> Int {
        var offset = start
        while offset < count {
            let lead = base.load(fromByteOffset: offset, as: UInt8.self)
            if lead < 0xC2 { return offset }  // ASCII, a stray continuation byte or an overlong lead
            if lead < 0xE0 {
                guard offset &+ 1 < count,
                      base.load(fromByteOffset: offset &+ 1, as: UInt8.self) & 0xC0 == 0x80 else { return offset }
                offset &+= 2
            } else if lead < 0xF0 {
                guard offset &+ 2 < count else { return offset }
                let second = base.load(fromByteOffset: offset &+ 1, as: UInt8.self)
                let third = base.load(fromByteOffset: offset &+ 2, as: UInt8.self)
                // E0 needs A0...BF next (no overlongs), ED needs 80...9F (no surrogates).
                let lower: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
                let upper: UInt8 = lead == 0xED ? 0x9F : 0xBF
                guard second >= lower && second <= upper && third & 0xC0 == 0x80 else { return offset }
                offset &+= 3
            } else if lead <= 0xF4 {
                guard offset &+ 3 < count else { return offset }
                let second = base.load(fromByteOffset: offset &+ 1, as: UInt8.self)
                let third = base.load(fromByteOffset: offset &+ 2, as: UInt8.self)
                let fourth = base.load(fromByteOffset: offset &+ 3, as: UInt8.self)
                // F0 needs 90...BF next (no overlongs), F4 needs 80...8F (nothing past U+10FFFF).
                let lower: UInt8 = lead == 0xF0 ? 0x90 : 0x80
                let upper: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
                guard second >= lower && second <= upper && third & 0xC0 == 0x80 && fourth & 0xC0 == 0x80 else {
                    return offset
                }
                offset &+= 4
            } else {
                return offset
            }
        }
        return offset
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
