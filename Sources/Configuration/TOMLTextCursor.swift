/// A read position in the bytes of a TOML document, with the few lexical rules the key scanner needs: white
/// space, comments, keys and skipping over strings. The document has already been parsed by TOMLKit, so the
/// cursor assumes valid TOML but never traps or loops on anything else.
struct TOMLTextCursor {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // A byte order mark is not part of the first line's content.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The byte at the cursor, or nil at the end.
    var current: UInt8? { peek(0) }

    func peek(_ distance: Int) -> UInt8? {
        offset + distance < bytes.count ? bytes[offset + distance] : nil
    }

    mutating func advance(by count: Int = 1) {
        offset = min(offset + count, bytes.count)
    }

    /// Skips spaces and tabs, TOML's white space within a line.
    mutating func skipSpaces() {
        while let byte = current, byte == .space || byte == .tab { advance() }
    }

    /// Skips spaces, tabs, newlines and comments, which may all separate the elements of an array.
    mutating func skipBlankSpaceAndComments() {
        while let byte = current {
            switch byte {
            case .space, .tab, .carriageReturn, .newline: advance()
            case .hash: skipToLineEnd()
            default: return
            }
        }
    }

    /// Moves to the newline that ends the current line (or the end of the text).
    mutating func skipToLineEnd() {
        while let byte = current, byte != .newline { advance() }
    }

    /// Moves past the newline that ends the current line.
    mutating func skipPastLineEnd() {
        skipToLineEnd()
        advance()
    }

    /// Reads a dotted key (`a`, `"a b".c`, `a . 'b'`), or returns nil (without a guarantee on the position)
    /// when the cursor is not at a key.
    mutating func readDottedKey() -> [String]? {
        var parts: [String] = []
        while true {
            guard let part = readSimpleKey() else { return nil }
            parts.append(part)
            let afterPart = offset
            skipSpaces()
            guard current == .dot else {
                offset = afterPart
                return parts
            }
            advance()
            skipSpaces()
        }
    }

    /// Reads a bare, basic-quoted or literal-quoted key.
    private mutating func readSimpleKey() -> String? {
        switch current {
        case .quote: return readBasicString()
        case .apostrophe: return readLiteralString()
        case let byte? where byte.isBareKeyByte:
            let start = offset
            while let next = current, next.isBareKeyByte { advance() }
            return String(decoding: bytes[start..<offset], as: UTF8.self)
        default: return nil
        }
    }

    /// Skips a string value of any of TOML's four kinds; the cursor must be at its opening quote.
    mutating func skipString() {
        let quote = current
        let isMultiline = peek(1) == quote && peek(2) == quote
        if isMultiline {
            advance(by: 3)
            skipMultilineBody(quote: quote ?? .quote)
        } else if quote == .quote {
            _ = readBasicString()
        } else {
            _ = readLiteralString()
        }
    }

    private mutating func skipMultilineBody(quote: UInt8) {
        while let byte = current {
            if byte == .backslash && quote == .quote {
                advance(by: 2)
            } else if byte == quote && peek(1) == quote && peek(2) == quote {
                // Up to two quotes may end the content right before the closing delimiter (`""""` ends `"`).
                var run = 0
                while current == quote && run < 5 { advance(); run += 1 }
                return
            } else {
                advance()
            }
        }
    }

    /// Reads a single-line literal string (`'…'`, no escapes); the cursor is at the opening apostrophe.
    private mutating func readLiteralString() -> String {
        advance()
        let start = offset
        while let byte = current, byte != .apostrophe, byte != .newline { advance() }
        let content = String(decoding: bytes[start..<offset], as: UTF8.self)
        if current == .apostrophe { advance() }
        return content
    }

    /// Reads a single-line basic string (`"…"`, with escapes); the cursor is at the opening quote.
    private mutating func readBasicString() -> String {
        advance()
        var content: [UInt8] = []
        while let byte = current, byte != .quote, byte != .newline {
            if byte == .backslash {
                content.append(contentsOf: readEscape())
            } else {
                content.append(byte)
                advance()
            }
        }
        if current == .quote { advance() }
        return String(decoding: content, as: UTF8.self)
    }

    /// Decodes the escape sequence at the cursor (at its backslash) to UTF-8 bytes.
    private mutating func readEscape() -> [UInt8] {
        advance()
        guard let letter = current else { return [] }
        advance()
        switch letter {
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "t"): return [.tab]
        case UInt8(ascii: "n"): return [.newline]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "r"): return [.carriageReturn]
        case UInt8(ascii: "e"): return [0x1B]
        case UInt8(ascii: "u"): return readUnicodeEscape(digits: 4)
        case UInt8(ascii: "U"): return readUnicodeEscape(digits: 8)
        default: return [letter]
        }
    }

    private mutating func readUnicodeEscape(digits: Int) -> [UInt8] {
        let end = min(offset + digits, bytes.count)
        let hex = String(decoding: bytes[offset..<end], as: UTF8.self)
        offset = end
        guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { return [] }
        return Array(String(Character(scalar)).utf8)
    }
}

extension UInt8 {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let hash = UInt8(ascii: "#")
    static let dot = UInt8(ascii: ".")
    static let comma = UInt8(ascii: ",")
    static let equals = UInt8(ascii: "=")
    static let backslash = UInt8(ascii: "\\")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")

    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    /// A byte of a bare key: `A-Za-z0-9_-`.
    var isBareKeyByte: Bool {
        switch self {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
