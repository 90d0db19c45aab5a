/// Finds where each table header, key, value and array element of a TOML document starts.
///
/// TOMLKit (toml++) reports positions only for syntax errors, yet every configuration error must point at its
/// line. This scanner walks the text once, tracking `[table]` and `[[array-of-tables]]` headers, `key = value`
/// lines (bare, quoted and dotted keys), multi-line strings and arrays (so their contents are never mistaken for
/// keys) and inline tables. Paths are full key paths from the document root (`["check", "select"]`); the first
/// occurrence of a path wins, so every `[[plugin]]` block is located at the first one.
struct TOMLKeyScanner {
    private var cursor: TOMLTextCursor
    private var currentTable: [String] = []
    private(set) var entries: [[String]: TOMLKeyLocation] = [:]

    static func scan(_ bytes: [UInt8]) -> [[String]: TOMLKeyLocation] {
        var scanner = TOMLKeyScanner(cursor: TOMLTextCursor(bytes))
        scanner.scanDocument()
        return scanner.entries
    }

    private init(cursor: TOMLTextCursor) {
        self.cursor = cursor
    }

    private mutating func scanDocument() {
        while !cursor.isAtEnd {
            cursor.skipSpaces()
            switch cursor.current {
            case .newline?, .carriageReturn?, .hash?, nil:
                break
            case .openBracket?:
                scanHeader()
            default:
                scanKeyValue(under: currentTable)
            }
            // Whatever is left on the line is a comment (or, in a broken document, something to give up on).
            cursor.skipPastLineEnd()
        }
    }

    /// `[a.b]` or `[[a.b]]`; the header's location is its opening bracket.
    private mutating func scanHeader() {
        let start = cursor.offset
        cursor.advance()
        if cursor.current == .openBracket { cursor.advance() }
        cursor.skipSpaces()
        guard let path = cursor.readDottedKey() else { return }
        record(path, TOMLKeyLocation(key: start))
        currentTable = path
    }

    /// `key = value`, recording the key and, for dotted keys, the tables they implicitly create.
    private mutating func scanKeyValue(under table: [String]) {
        let keyStart = cursor.offset
        guard let key = cursor.readDottedKey() else { return }
        cursor.skipSpaces()
        guard cursor.current == .equals else { return }
        cursor.advance()
        cursor.skipSpaces()
        let path = table + key
        for length in table.count + 1..<path.count {
            record(Array(path.prefix(length)), TOMLKeyLocation(key: keyStart))
        }
        var location = TOMLKeyLocation(key: keyStart, value: cursor.offset)
        location.elements = scanValue(path: path)
        record(path, location)
    }

    /// Skips a value; returns the start of each element when it is an array. `path` is nil for values whose
    /// keys cannot be named by a path (tables inside arrays).
    private mutating func scanValue(path: [String]?) -> [Int] {
        switch cursor.current {
        case .quote?, .apostrophe?:
            cursor.skipString()
        case .openBracket?:
            return scanArray()
        case .openBrace?:
            scanInlineTable(path: path)
        default:
            skipScalar()
        }
        return []
    }

    private mutating func scanArray() -> [Int] {
        var elements: [Int] = []
        cursor.advance()
        while true {
            cursor.skipBlankSpaceAndComments()
            guard let byte = cursor.current, byte != .closeBracket else { break }
            let start = cursor.offset
            if byte == .comma {
                cursor.advance()
                continue
            }
            elements.append(start)
            _ = scanValue(path: nil)
            if cursor.offset == start { cursor.advance() }
        }
        cursor.advance()
        return elements
    }

    private mutating func scanInlineTable(path: [String]?) {
        cursor.advance()
        while true {
            cursor.skipBlankSpaceAndComments()
            guard let byte = cursor.current, byte != .closeBrace else { break }
            let start = cursor.offset
            if byte == .comma {
                cursor.advance()
                continue
            }
            if let path {
                scanKeyValue(under: path)
            } else {
                skipInlineEntry()
            }
            if cursor.offset == start { cursor.advance() }
        }
        cursor.advance()
    }

    /// Skips `key = value` inside an inline table that has no path of its own.
    private mutating func skipInlineEntry() {
        guard cursor.readDottedKey() != nil else { return }
        cursor.skipSpaces()
        guard cursor.current == .equals else { return }
        cursor.advance()
        cursor.skipSpaces()
        _ = scanValue(path: nil)
    }

    /// Numbers, booleans, dates: everything up to the next delimiter.
    private mutating func skipScalar() {
        let start = cursor.offset
        while let byte = cursor.current {
            switch byte {
            case .newline, .carriageReturn, .comma, .closeBracket, .closeBrace, .hash, .tab:
                return
            case .space:
                // A date-time may separate its date and time by a space (`1979-05-27 07:32:00`).
                guard cursor.offset - start == 10, cursor.peek(1)?.isDigit == true else { return }
                cursor.advance()
            default:
                cursor.advance()
            }
        }
    }

    private mutating func record(_ path: [String], _ location: TOMLKeyLocation) {
        if entries[path] == nil { entries[path] = location }
    }
}

/// Where one key (or table header) of a TOML document is, as byte offsets into the document.
struct TOMLKeyLocation: Sendable, Equatable {
    /// The first byte of the key, or the opening bracket of a table header.
    var key: Int
    /// The first byte of the value; nil for table headers and implicitly created tables.
    var value: Int?
    /// The first byte of each element, when the value is an array.
    var elements: [Int] = []

    init(key: Int, value: Int? = nil) {
        self.key = key
        self.value = value
    }
}
