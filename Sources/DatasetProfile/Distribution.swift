import Foundation

/// A sample of whole numbers summarized the way dataset reports read: percentiles by the nearest-rank method, the
/// mean, the total, and a histogram.
public struct Distribution: Sendable, Equatable {
    public private(set) var values: [Int] = []

    public init(_ values: [Int] = []) {
        self.values = values
    }

    public mutating func add(_ value: Int) { values.append(value) }

    public var count: Int { values.count }
    public var total: Int { values.reduce(0, +) }
    public var mean: Double { values.isEmpty ? 0 : Double(total) / Double(values.count) }

    /// The smallest value with at least `percent` % of the values at or below it.
    public func percentile(_ percent: Int, sorted: [Int]) -> Int {
        sorted[min(sorted.count - 1, max(0, (sorted.count * percent + 99) / 100 - 1))]
    }

    public struct Summary: Sendable, Equatable {
        public let min, p50, p90, p99, max, total: Int
        public let mean: Double
    }

    public var summary: Summary? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return Summary(min: sorted[0], p50: percentile(50, sorted: sorted), p90: percentile(90, sorted: sorted),
                       p99: percentile(99, sorted: sorted), max: sorted[sorted.count - 1], total: total, mean: mean)
    }

    /// Counts in `bins` bins of equal width from the minimum to the maximum (one bin when all values are equal).
    public func histogram(bins: Int = 10) -> [(lowerBound: Int, upperBound: Int, count: Int)] {
        guard let low = values.min(), let high = values.max() else { return [] }
        let width = max(1, (high - low + bins) / bins)
        let binCount = min(bins, (high - low) / width + 1)
        var counts = [Int](repeating: 0, count: binCount)
        for value in values { counts[min(binCount - 1, (value - low) / width)] += 1 }
        return counts.enumerated().map { (low + $0 * width, low + ($0 + 1) * width - 1, $1) }
    }

    /// Counts in up to `bins` bins whose bounds grow geometrically from the smallest value to the largest: lengths
    /// are skewed, and on equal-width bins a few long records squeeze everything else into the first bin. Zeros
    /// get a bin of their own. Bounds are inclusive whole numbers.
    public func logarithmicHistogram(bins: Int = 20) -> [(lowerBound: Int, upperBound: Int, count: Int)] {
        guard let low = values.min(), let high = values.max() else { return [] }
        let start = max(1, low), stop = high + 1
        var edges: [Int] = []
        for step in 0...bins {
            let edge = Int((Double(start) * pow(Double(stop) / Double(start), Double(step) / Double(bins))).rounded())
            if edges.last.map({ edge > $0 }) ?? true { edges.append(edge) }
        }
        edges[edges.count - 1] = stop
        if edges.count == 1 { edges.append(stop) }
        var counts = [Int](repeating: 0, count: edges.count - 1)
        var zeros = 0
        for value in values {
            guard value >= start else {
                zeros += 1
                continue
            }
            var lower = 0, upper = edges.count - 1
            while upper - lower > 1 {
                let middle = (lower + upper) / 2
                if edges[middle] <= value { lower = middle } else { upper = middle }
            }
            counts[lower] += 1
        }
        let bins = counts.indices.map { (edges[$0], edges[$0 + 1] - 1, counts[$0]) }
        return low < 1 ? [(low, 0, zeros)] + bins : bins
    }
}
