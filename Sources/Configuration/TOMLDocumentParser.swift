import DatasetText
import TOMLKit

/// Parses TOML text into configuration values, turning TOMLKit's syntax errors into located problems.
enum TOMLDocumentParser {
    /// The document's root table.
    static func parse(_ text: String, file: String, locator: TOMLKeyLocator) throws(ConfigurationError)
        -> [String: ConfigurationValue]
    {
        try rejectUnreadableText(locator.document, file: file)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let position = position(of: error.source.begin, in: locator.document)
            throw ConfigurationError(ConfigurationProblem(file: file, position: position,
                                                          message: "invalid TOML: \(error.description)"))
        } catch {
            throw ConfigurationError(ConfigurationProblem(file: file, position: .start, message: "invalid TOML: \(error)"))
        }
        return convert(table)
    }

    /// TOMLKit reads a C string, so text after a NUL byte would silently vanish.
    private static func rejectUnreadableText(_ document: TextDocument, file: String) throws(ConfigurationError) {
        if let nul = document.bytes.firstIndex(of: 0) {
            throw ConfigurationError(ConfigurationProblem(file: file, position: document.position(ofByteOffset: nul),
                                                          message: "the file contains a NUL byte"))
        }
    }

    /// toml++ counts lines and columns from 1, and columns in code points; datalint counts from 0, in bytes and
    /// UTF-16 units.
    static func position(of source: TOMLSourcePosition, in document: TextDocument) -> SourcePosition {
        let line = min(max(source.line - 1, 0), document.lineCount - 1)
        let content = document.lineContent(line)
        var remainingScalars = max(source.column - 1, 0)
        var column = 0
        for byte in content {
            // Every byte that is not a UTF-8 continuation byte starts a code point.
            if byte & 0xC0 != 0x80 {
                if remainingScalars == 0 { break }
                remainingScalars -= 1
            }
            column += 1
        }
        return document.position(line: line, utf8Column: column)
    }

    private static func convert(_ table: TOMLTable) -> [String: ConfigurationValue] {
        var entries: [String: ConfigurationValue] = [:]
        for (key, value) in table { entries[key] = convert(value) }
        return entries
    }

    private static func convert(_ value: any TOMLValueConvertible) -> ConfigurationValue {
        switch value.type {
        case .string: .string(value.string ?? "")
        case .int: .integer(value.int ?? 0)
        case .double: .float(value.double ?? 0)
        case .bool: .boolean(value.bool ?? false)
        case .date, .time, .dateTime: .dateTime(value.debugDescription)
        case .array: .array(value.array.map { $0.map(convert) } ?? [])
        case .table: .table(value.table.map(convert) ?? [:])
        }
    }
}

extension SourcePosition {
    /// The first column of the first line.
    static let start = SourcePosition(line: 0, utf8Column: 0, utf16Column: 0)
}
