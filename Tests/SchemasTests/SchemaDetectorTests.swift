import RecordScanner
import Schemas
import Testing

/// The record's keys decide its schema, the most specific shape first; the anchor is the key that decided it.
@Suite struct SchemaDetectorTests {
    struct Detection: Sendable, CustomTestStringConvertible {
        let line: String
        let schema: RecordSchema
        /// The key `anchorKey` must name, or nil when no key decides the schema.
        let anchor: String?
        var testDescription: String { line }
    }

    static let detections: [Detection] = [
        Detection(line: #"{"messages":[]}"#, schema: .messages, anchor: "messages"),
        Detection(line: #"{"conversations":[]}"#, schema: .sharegpt, anchor: "conversations"),
        Detection(line: #"{"instruction":"i","input":"","output":"o"}"#, schema: .alpaca, anchor: "instruction"),
        Detection(line: #"{"input":"","output":"o"}"#, schema: .alpaca, anchor: "output"),
        Detection(line: #"{"prompt":"p","completion":"c"}"#, schema: .promptCompletion, anchor: "prompt"),
        Detection(line: #"{"prompt":"p","response":"r"}"#, schema: .promptCompletion, anchor: "prompt"),
        Detection(line: #"{"prompt":"p","chosen":"a","rejected":"b"}"#, schema: .preference, anchor: "chosen"),
        Detection(line: #"{"chosen":[],"rejected":[]}"#, schema: .preference, anchor: "chosen"),
        Detection(line: #"{"prompt":"p","response":"r","score":1}"#, schema: .reward, anchor: "score"),
        Detection(line: #"{"messages":[],"reward":0.5}"#, schema: .reward, anchor: "reward"),
        Detection(line: #"{"text":"t"}"#, schema: .text, anchor: "text"),
        // A score with nothing scored, a prompt with no answer, or a lone half of a pair decide nothing.
        Detection(line: #"{"score":1}"#, schema: .unknown, anchor: nil),
        Detection(line: #"{"prompt":"p"}"#, schema: .unknown, anchor: nil),
        Detection(line: #"{"chosen":"a"}"#, schema: .unknown, anchor: nil),
        Detection(line: #"{"output":"o","prompt":"p"}"#, schema: .unknown, anchor: nil),
        Detection(line: #"{}"#, schema: .unknown, anchor: nil),
        Detection(line: #"["messages"]"#, schema: .unknown, anchor: nil),
    ]

    @Test(arguments: detections)
    func keysDecideTheSchemaAndItsAnchor(_ detection: Detection) {
        var scanner = RecordScanner()
        let record = scanner.scan(Array(detection.line.utf8))
        let found = SchemaDetector.detect(record)
        #expect(found.schema == detection.schema)
        #expect(found.anchorKey.map { record.string($0) } == detection.anchor)
    }

    @Test func preferenceWinsOverMessagesAndRewardOverPreference() {
        var scanner = RecordScanner()
        let preference = scanner.scan(Array(#"{"messages":[],"chosen":"a","rejected":"b"}"#.utf8))
        #expect(SchemaDetector.detect(preference).schema == .preference)
        let reward = scanner.scan(Array(#"{"prompt":"p","chosen":"a","rejected":"b","response":"r","score":1}"#.utf8))
        #expect(SchemaDetector.detect(reward).schema == .reward)
    }
}

@Suite struct SchemaTallyTests {
    private func sample(_ line: Int) -> SchemaTally.Sample {
        SchemaTally.Sample(line: line, utf8Span: 1..<11, utf16Span: 1..<11)
    }

    @Test func majorityIgnoresUnknownRecordsAndBreaksTiesByFirstLine() {
        var tally = SchemaTally()
        tally.add(.unknown, sample: sample(0))
        tally.add(.unknown, sample: sample(1))
        tally.add(.alpaca, sample: sample(2))
        tally.add(.messages, sample: sample(3))
        #expect(tally.majority == .alpaca)
        tally.add(.messages, sample: sample(4))
        #expect(tally.majority == .messages)
        #expect(tally.total == 5)
    }

    @Test func samplesStopAtTheLimitButCountsDoNot() {
        var tally = SchemaTally(sampleLimit: 2)
        for line in 0..<5 { tally.add(.text, sample: sample(line)) }
        #expect(tally.counts[.text] == 5)
        #expect(tally.samples[.text]?.map(\.line) == [0, 1])
        #expect(tally.firstLine[.text] == 0)
    }

    @Test func emptyTallyHasNoMajority() {
        #expect(SchemaTally().majority == nil)
    }
}
