import DatasetProfile
import RecordScanner
import RecordTokens
import Testing
import Tokenization

@Suite struct DistributionTests {
    @Test func percentilesAreNearestRank() throws {
        let summary = try #require(Distribution(Array(1...100)).summary)
        #expect((summary.min, summary.p50, summary.p90, summary.p99, summary.max, summary.total) == (1, 50, 90, 99, 100, 5050))
        #expect(Distribution([7]).summary?.p99 == 7)
        #expect(Distribution().summary == nil)
    }

    @Test func aHistogramCoversEveryValueOnce() {
        let values = [1, 2, 2, 3, 10, 10, 10, 25]
        let histogram = Distribution(values).histogram(bins: 5)
        #expect(histogram.map(\.count).reduce(0, +) == values.count)
        #expect(histogram.first?.lowerBound == 1 && (histogram.last?.upperBound ?? 0) >= 25)
        #expect(Distribution([4, 4]).histogram().count == 1)
    }

    @Test func logarithmicBinsGrowGeometricallyAndCoverEveryValueOnce() {
        let values = [0, 0, 1, 2, 3, 5, 9, 17, 40, 100, 250, 999, 1_000]
        let histogram = Distribution(values).logarithmicHistogram(bins: 6)
        #expect(histogram.first! == (0, 0, 2))
        #expect(histogram.map(\.count).reduce(0, +) == values.count)
        #expect(histogram[1].lowerBound == 1 && histogram.last!.upperBound == 1_000)
        for (left, right) in zip(histogram, histogram.dropFirst()) { #expect(right.lowerBound == left.upperBound + 1) }
        // Each bin above the first spans about 1001^(1/6) ≈ 3.2 times the previous one.
        let widths = histogram.dropFirst().map { $0.upperBound - $0.lowerBound + 1 }
        #expect(widths.last! > 100 * widths.first!)
        #expect(Distribution([7, 7]).logarithmicHistogram().map(\.count) == [2])
        #expect(Distribution().logarithmicHistogram().isEmpty)
    }
}

@Suite struct DatasetProfileTests {
    /// Exact counts need the rank file the test script installs; without it the profile estimates, and the counts
    /// below would differ, so these tests need it.
    let counter = RecordTokenCounter(tokenizer: try? BPETokenizer(encoding: .cl100kBase))

    func profile(_ lines: [String]) -> DatasetProfile {
        var profile = DatasetProfile(counter: counter)
        var scanner = RecordScanner()
        for line in lines {
            profile.add(scanner.scan(Array(line.utf8)), isBlank: line.allSatisfy { $0 == " " })
        }
        return profile
    }

    @Test func languagesAreCountedPerRecordFromTurnsAndFieldsButNotSystemPrompts() {
        let system = #"{"role":"system","content":"You are a helpful assistant who always answers politely and precisely."}"#
        let found = profile([
            #"{"messages":[\#(system),{"role":"user","content":"Quelle est la capitale de la France et pourquoi est-elle si célèbre ?"},{"role":"assistant","content":"La capitale de la France est Paris, célèbre pour ses musées et son histoire."}]}"#,
            #"{"messages":[\#(system),{"role":"user","content":"Wie hoch ist der höchste Berg Deutschlands und wo liegt er genau?"},{"role":"assistant","content":"Die Zugspitze ist mit knapp dreitausend Metern der höchste Berg und liegt in Bayern."}]}"#,
            #"{"instruction":"Explain why the sky looks blue on a clear day.","input":"","output":"Sunlight scatters off air molecules, and blue light scatters the most."}"#,
            #"{"prompt":"42","completion":"!!"}"#,
        ])
        #expect(found.languages == ["fr": 1, "de": 1, "en": 1, "un": 1])
        #expect(found.languageNames["fr"] == "FRENCH")
    }

    @Test(.enabled(if: (try? BPETokenizer(encoding: .cl100kBase)) != nil))
    func rolesTurnsAndTrainedTokensOfAChatDataset() throws {
        let found = profile([#"{"messages":[{"role":"user","content":"hello world"},{"role":"assistant","content":"Hi"}]}"#,
                             #"{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"hello"},{"role":"assistant","content":"hello world"}]}"#,
                             "", "{not json"])
        #expect(found.records == 3 && found.blankLines == 1 && found.invalidRecords == 1)
        #expect(found.roles == ["user": 2, "assistant": 2, "system": 1])
        #expect(found.turns.values == [2, 3])
        // Record tokens include the cookbook framing: 3 + (3+1+2) + (3+1+1) = 14 for the first record.
        #expect(found.tokens.values.first == 14)
        #expect(found.tokensByRole["assistant"]?.values == [1, 2])
        #expect(found.trainedTokens.values == [1, 2])
    }

    @Test(.enabled(if: (try? BPETokenizer(encoding: .cl100kBase)) != nil))
    func preferencePairsShowTheirLengthBias() throws {
        let found = profile([#"{"prompt":"Greet me","chosen":"Hello there, how are you today?","rejected":"Hi"}"#,
                             #"{"prompt":"Thank me","chosen":"Thanks","rejected":"Thank you so much for everything"}"#,
                             #"{"prompt":"Nod","chosen":"Yes","rejected":"No"}"#])
        let bias = try #require(found.preferenceLengthBias)
        #expect(abs(bias.chosenLonger - 1.0 / 3.0) < 1e-9)
        let pairs = found.preferencePairs.map { $0.chosen - $0.rejected }
        #expect(abs(bias.meanDifference - Double(pairs.reduce(0, +)) / 3) < 1e-9)
        #expect(found.trainedTokens.count == 3)
    }
}
