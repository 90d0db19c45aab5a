/// One match of one pattern: its id and where in the scanned bytes it lies, as byte offsets.
///
/// `range.upperBound` is always exact. `range.lowerBound` is the leftmost start only for patterns compiled
/// with `PatternFlags.leftmostStart`; for the others it is 0 (Vectorscan did not track it), so callers that
/// need the start of such a match must find it themselves, e.g. by running a validator backwards from the end.
public struct Match: Sendable, Hashable, CustomStringConvertible {
    public let id: UInt32
    public let range: Range<Int>

    public init(id: UInt32, range: Range<Int>) {
        self.id = id
        self.range = range
    }

    public var description: String {
        "#\(id) \(range.lowerBound)..<\(range.upperBound)"
    }
}
