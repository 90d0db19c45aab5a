/// A token count that says whether it is exact (from a BPE vocabulary) or an estimate (no vocabulary at hand),
/// so that whoever shows it can write "≈" when it is only an estimate.
public struct TokenCount: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: Int
    public var isApproximate: Bool

    public init(value: Int, isApproximate: Bool) {
        self.value = value
        self.isApproximate = isApproximate
    }

    public static func exact(_ value: Int) -> TokenCount { TokenCount(value: value, isApproximate: false) }
    public static func approximate(_ value: Int) -> TokenCount { TokenCount(value: value, isApproximate: true) }

    /// `1234` when exact, `≈1234` when estimated.
    public var description: String { isApproximate ? "≈\(value)" : "\(value)" }

    /// A sum is approximate as soon as one of its terms is.
    public static func + (left: TokenCount, right: TokenCount) -> TokenCount {
        TokenCount(value: left.value + right.value, isApproximate: left.isApproximate || right.isApproximate)
    }

    public static func < (left: TokenCount, right: TokenCount) -> Bool { left.value < right.value }
}

extension TokenizerSession {
    /// `count(_:)` labelled exact.
    public func tokenCount(_ text: String) -> TokenCount { .exact(count(text)) }
}
