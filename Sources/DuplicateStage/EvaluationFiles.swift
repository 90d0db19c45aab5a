/// Which dataset files hold evaluation data, by glob patterns over paths relative to the workspace:
/// `*` matches within one path component, `?` one character, and `**` any number of whole components
/// (`**/test*.jsonl` matches `test.jsonl` and `data/split/test_a.jsonl`).
public struct EvaluationFiles: Sendable, Hashable {
    public let patterns: [String]

    public init(patterns: [String]) {
        self.patterns = patterns
    }

    /// True when `relativePath` (components separated by `/`, no leading `./`) matches one of the patterns.
    public func contains(_ relativePath: String) -> Bool {
        let path = Array(relativePath.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) })
        return patterns.contains { pattern in
            let components = pattern.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
            return Self.match(components[...], path[...])
        }
    }

    private static func match(_ pattern: ArraySlice<[UInt8]>, _ path: ArraySlice<[UInt8]>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == Array("**".utf8) {
            // `**` takes zero or more components; a trailing `**` matches everything below.
            for skipped in 0...path.count where match(pattern.dropFirst(), path.dropFirst(skipped)) { return true }
            return false
        }
        guard let component = path.first, matchComponent(first[...], component[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchComponent(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case UInt8(ascii: "*"):
            for skipped in 0...text.count where matchComponent(pattern.dropFirst(), text.dropFirst(skipped)) { return true }
            return false
        case UInt8(ascii: "?"):
            // One character, not one byte: skip a UTF-8 lead byte and its continuation bytes.
            guard !text.isEmpty else { return false }
            let rest = text.dropFirst().drop { $0 & 0xC0 == 0x80 }
            return matchComponent(pattern.dropFirst(), rest)
        default:
            guard text.first == first else { return false }
            return matchComponent(pattern.dropFirst(), text.dropFirst())
        }
    }
}
