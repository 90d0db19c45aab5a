import Foundation
import LengthStage
import Testing

@Suite struct RobustFenceTests {
    @Test func quantilesInterpolateLikeNumPy() {
        #expect(RobustFence.quantile([1, 2, 3, 4], 0.25) == 1.75)
        #expect(RobustFence.quantile([1, 2, 3, 4], 0.5) == 2.5)
        #expect(RobustFence.quantile([7], 0.9) == 7)
        #expect(RobustFence.quantile([10, 20, 30, 40, 50], 0.75) == 40)
    }

    @Test func modifiedZScoreOfASmallSampleByHand() throws {
        // median 3; absolute deviations 2 1 0 1 97, so MAD 1 and z = 0.6745 × (x − 3).
        let fence = try #require(RobustFence([1, 2, 3, 4, 100], method: .mad, threshold: 3.5, iqrFactor: 3))
        #expect(fence.center == 3)
        #expect(abs(fence.score(100) - 0.6745 * 97) < 1e-9)
        #expect(!fence.contains(100))
        #expect(fence.contains(1) && fence.contains(4))
        #expect(abs(fence.upper - (3 + 3.5 / 0.6745)) < 1e-9)
    }

    @Test func zeroMADFallsBackToTheScaledMeanDeviation() throws {
        let values = Array(repeating: 10.0, count: 10) + [50]
        let fence = try #require(RobustFence(values, method: .mad, threshold: 3.5, iqrFactor: 3))
        #expect(abs(fence.spread - 1.253314 * 40 / 11) < 1e-9)
        #expect(!fence.contains(50))
        #expect(fence.contains(10))
    }

    @Test func aSampleWithoutSpreadHasNoFence() {
        #expect(RobustFence(Array(repeating: 4, count: 50), method: .mad, threshold: 3.5, iqrFactor: 3) == nil)
        #expect(RobustFence(Array(repeating: 4, count: 50), method: .iqr, threshold: 3.5, iqrFactor: 3) == nil)
        #expect(RobustFence([], method: .mad, threshold: 3.5, iqrFactor: 3) == nil)
    }

    @Test func tukeyFencesOfOneToHundred() throws {
        let values = (1...100).map(Double.init)
        let fence = try #require(RobustFence(values, method: .iqr, threshold: 3.5, iqrFactor: 1.5))
        #expect(abs(fence.lower - (25.75 - 1.5 * 49.5)) < 1e-9)
        #expect(abs(fence.upper - (75.25 + 1.5 * 49.5)) < 1e-9)
        #expect(values.allSatisfy(fence.contains))
    }

    /// On a normal sample the modified z-score estimates the standard score: the center and spread come out near
    /// μ and σ, and the 3.5 fence holds all but ~0.05% of the values — planted extremes fall outside.
    @Test func normalSampleRecoversMeanAndDeviation() throws {
        var random = SeededRandom(state: 42)
        let values = (0..<20_000).map { _ in 100 + 10 * random.normal() }
        let fence = try #require(RobustFence(values + [180, 20], method: .mad, threshold: 3.5, iqrFactor: 3))
        #expect(abs(fence.center - 100) < 0.5)
        #expect(abs(fence.spread - 10) < 0.5)
        let outside = values.filter { !fence.contains($0) }.count
        #expect(outside < 60, "\(outside) of 20,000 normal values outside the 3.5 fence (expected ~9)")
        #expect(!fence.contains(180) && !fence.contains(20))
        #expect(abs(fence.score(180) - 8) < 0.5)
    }

    @Test func iqrOnANormalSampleMatchesItsQuartiles() throws {
        var random = SeededRandom(state: 7)
        let values = (0..<20_000).map { _ in random.normal() }
        let fence = try #require(RobustFence(values, method: .iqr, threshold: 3.5, iqrFactor: 1.5))
        // Normal quartiles ±0.6745, so the 1.5 fences sit at ±2.698: 0.7% of a normal sample lies outside.
        #expect(abs(fence.upper - 2.698) < 0.1)
        let outside = Double(values.filter { !fence.contains($0) }.count) / 20_000
        #expect(outside > 0.003 && outside < 0.012)
    }

    /// A heavily skewed (log-normal) sample has a long right tail: on linear lengths the fence flags a few percent
    /// of ordinary values; on log lengths, almost none.
    @Test func logScaleTamesASkewedDistribution() throws {
        var random = SeededRandom(state: 3)
        let lengths = (0..<10_000).map { _ in exp(5 + random.normal()) }
        let linear = try #require(RobustFence(lengths, method: .mad, threshold: 3.5, iqrFactor: 3))
        let logged = lengths.map { log1p($0) }
        let logarithmic = try #require(RobustFence(logged, method: .mad, threshold: 3.5, iqrFactor: 3))
        let linearOutside = lengths.filter { !linear.contains($0) }.count
        let logOutside = logged.filter { !logarithmic.contains($0) }.count
        #expect(linearOutside > 500)
        #expect(logOutside < 20)
    }
}
