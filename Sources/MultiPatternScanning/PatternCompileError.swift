/// A pattern set that Vectorscan refused to compile: which pattern (when Vectorscan could tell) and why.
public struct PatternCompileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The failing pattern, or nil when the failure concerns the whole set (too large, no patterns at all).
    public let pattern: Pattern?
    /// The failing pattern's position in the array given to `PatternDatabase.init`, or nil with `pattern`.
    public let index: Int?
    /// Vectorscan's own message, e.g. "Missing close parenthesis for group started at index 0."
    public let message: String

    init(patterns: [Pattern], index: Int?, message: String) {
        let known = index.flatMap { patterns.indices.contains($0) ? $0 : nil }
        self.pattern = known.map { patterns[$0] }
        self.index = known
        self.message = message
    }

    public var description: String {
        guard let pattern, let index else { return "cannot compile patterns: \(message)" }
        return "cannot compile pattern \(index) (id \(pattern.id)) /\(pattern.expression)/: \(message)"
    }
}
