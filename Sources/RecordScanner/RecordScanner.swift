/// Scans one JSONL line into a `ParsedRecord`: a flat tape of values with their byte spans, or the exact byte
/// where the line stops being JSON.
///
/// Strict RFC 8259 over UTF-8, with jansson's nesting limit: the scanner is iterative (an explicit stack), so
/// depth can never overflow the call stack. Strings are scanned eight bytes at a time to the next quote,
/// backslash, control or non-ASCII byte, and runs of escapes and of multi-byte characters are checked in line;
/// that is what makes format-only checking faster than parsers that build values.
public struct RecordScanner: Sendable {
    /// jansson's `JSON_PARSER_MAX_DEPTH`: deeper documents are rejected by both.
    public static let defaultMaxDepth = 2048

    public let maxDepth: Int
    private var containers: [Int] = []

    public init(maxDepth: Int = RecordScanner.defaultMaxDepth) {
        self.maxDepth = max(1, maxDepth)
        containers.reserveCapacity(64)
    }

    /// Scans `bytes[lineRange]` (one line without its line ending) into `record`, reusing its storage.
    public mutating func scan(_ bytes: [UInt8], lineRange: Range<Int>, lineNumber: Int, into record: inout ParsedRecord) {
        record.reset(bytes: bytes, lineRange: lineRange, lineNumber: lineNumber)
        containers.removeAll(keepingCapacity: true)
        let maxDepth = self.maxDepth
        let outcome: Result<Void, JSONSyntaxError> = bytes.withUnsafeBytes { buffer in
            let line = UnsafeRawBufferPointer(rebasing: buffer[lineRange])
            var pass = ScanPass(line: line, maxDepth: maxDepth)
            return pass.run(nodes: &record.nodes, containers: &containers, duplicates: &record.duplicateKeys)
        }
        if case .failure(let error) = outcome { record.syntaxError = error }
    }

    /// Scans a standalone line (tests, the language server's edited lines).
    public mutating func scan(_ line: [UInt8], lineNumber: Int = 0) -> ParsedRecord {
        var record = ParsedRecord()
        scan(line, lineRange: 0..<line.count, lineNumber: lineNumber, into: &record)
        return record
    }
}
