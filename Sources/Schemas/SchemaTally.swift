/// Counts schemas across a file to find the majority and the records that deviate from it.
///
/// It keeps every count but only the first `sampleLimit` lines of each schema, so memory stays bounded
/// however large the file is; deviating records past that limit are summarised, not listed.
public struct SchemaTally: Sendable {
    public struct Sample: Sendable, Equatable {
        public let line: Int
        /// Byte span of the key that identified the schema (or of the record) in its line, and its
        /// UTF-16 start and end columns, resolved while the line was in memory.
        public let utf8Span: Range<Int>
        public let utf16Span: Range<Int>

        public init(line: Int, utf8Span: Range<Int>, utf16Span: Range<Int>) {
            self.line = line
            self.utf8Span = utf8Span
            self.utf16Span = utf16Span
        }
    }

    public let sampleLimit: Int
    public private(set) var counts: [RecordSchema: Int] = [:]
    public private(set) var samples: [RecordSchema: [Sample]] = [:]
    /// Line of the first record of each schema (for "the file is mostly X, starting at line N").
    public private(set) var firstLine: [RecordSchema: Int] = [:]

    public init(sampleLimit: Int = 1000) {
        self.sampleLimit = sampleLimit
    }

    public mutating func add(_ schema: RecordSchema, sample: Sample) {
        counts[schema, default: 0] += 1
        if firstLine[schema] == nil { firstLine[schema] = sample.line }
        if samples[schema, default: []].count < sampleLimit { samples[schema, default: []].append(sample) }
    }

    public var total: Int { counts.values.reduce(0, +) }

    /// The schema most records follow (ties go to the one seen first), ignoring `unknown`.
    public var majority: RecordSchema? {
        counts.filter { $0.key != .unknown }
            .max { ($0.value, -(firstLine[$0.key] ?? 0)) < ($1.value, -(firstLine[$1.key] ?? 0)) }?.key
    }
}
