/// The histograms of a dataset profile that the JSON output, the HTML report and `datalint/stats` show, computed once so that
/// the two carry the same numbers.
public struct ProfileHistograms: Sendable {
    public typealias Bins = [(lowerBound: Int, upperBound: Int, count: Int)]

    public let tokensPerRecord: Bins
    /// Tokens of each turn's content, per role, in role order.
    public let tokensByRole: [(role: String, bins: Bins)]
    public let turnsPerRecord: Bins

    public init(_ profile: DatasetProfile) {
        tokensPerRecord = profile.tokens.logarithmicHistogram()
        tokensByRole = profile.tokensByRole.sorted { $0.key < $1.key }.map { ($0.key, $0.value.logarithmicHistogram()) }
        let turns = profile.turns.values
        let span = (turns.max() ?? 0) - (turns.min() ?? 0) + 1
        turnsPerRecord = profile.turns.histogram(bins: min(40, max(1, span)))
    }
}
