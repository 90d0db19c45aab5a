/// The range a value of a sample must fall in not to be an outlier, from robust statistics that a few extreme
/// values do not move (unlike the mean and standard deviation, which the outliers themselves inflate).
public struct RobustFence: Sendable, Equatable {
    public let center: Double
    public let lower: Double
    public let upper: Double
    /// Divides a value's distance from `center` into a robust z-score (a standard deviation for normal data).
    public let spread: Double

    /// The fence of `values` by `method`; nil when the sample has no spread to judge by (all values equal).
    public init?(_ values: [Double], method: OutlierRule.Method, threshold: Double, iqrFactor: Double) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let median = Self.quantile(sorted, 0.5)
        switch method {
        case .mad:
            let deviations = sorted.map { abs($0 - median) }.sorted()
            let mad = Self.quantile(deviations, 0.5)
            // With more than half the values equal, the MAD is 0; the mean absolute deviation, scaled to match a
            // standard deviation for normal data, still separates the rare different value (as IBM SPSS does).
            let meanDeviation = deviations.reduce(0, +) / Double(deviations.count)
            let spread = mad > 0 ? mad / 0.6745 : 1.253314 * meanDeviation
            guard spread > 0 else { return nil }
            self.init(center: median, lower: median - threshold * spread, upper: median + threshold * spread, spread: spread)
        case .iqr:
            let first = Self.quantile(sorted, 0.25), third = Self.quantile(sorted, 0.75)
            let range = third - first
            guard range > 0 else { return nil }
            self.init(center: median, lower: first - iqrFactor * range, upper: third + iqrFactor * range, spread: range / 1.349)
        }
    }

    init(center: Double, lower: Double, upper: Double, spread: Double) {
        self.center = center
        self.lower = lower
        self.upper = upper
        self.spread = spread
    }

    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

    /// How many spreads `value` lies from the center (the modified z-score for `.mad`).
    public func score(_ value: Double) -> Double { (value - center) / spread }

    /// The `q` quantile of sorted values, interpolating linearly between ranks (Hyndman and Fan's type 7, the
    /// default of R and NumPy).
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }
}
