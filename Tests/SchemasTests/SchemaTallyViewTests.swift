import Schemas
import Testing

/// The tally keeps its counts in one slot per schema; its dictionaries hold exactly the schemas it has seen.
@Suite struct SchemaTallyViewTests {
    private func sample(_ line: Int) -> SchemaTally.Sample {
        SchemaTally.Sample(line: line, utf8Span: 0..<1, utf16Span: 0..<1)
    }

    @Test func dictionariesListOnlySchemasThatWereAdded() {
        var tally = SchemaTally()
        #expect(tally.counts.isEmpty && tally.samples.isEmpty && tally.firstLine.isEmpty)
        tally.add(.sharegpt, sample: sample(7))
        tally.add(.unknown, sample: sample(8))
        tally.add(.sharegpt, sample: sample(9))
        #expect(tally.counts == [.sharegpt: 2, .unknown: 1])
        #expect(tally.firstLine == [.sharegpt: 7, .unknown: 8])
        #expect(tally.samples.mapValues { $0.map(\.line) } == [.sharegpt: [7, 9], .unknown: [8]])
        #expect(tally.total == 3)
        #expect(tally.majority == .sharegpt)
    }

    @Test func noSamplesAreKeptWithASampleLimitOfZero() {
        var tally = SchemaTally(sampleLimit: 0)
        tally.add(.text, sample: sample(0))
        #expect(tally.counts[.text] == 1)
        #expect(tally.samples[.text] == nil)
    }

    @Test func everySchemaHasItsOwnSlot() {
        var tally = SchemaTally()
        for (line, schema) in RecordSchema.allCases.enumerated() {
            for _ in 0...line { tally.add(schema, sample: sample(line)) }
        }
        for (line, schema) in RecordSchema.allCases.enumerated() {
            #expect(tally.counts[schema] == line + 1)
            #expect(tally.firstLine[schema] == line)
        }
        #expect(tally.majority == .text)
    }
}
