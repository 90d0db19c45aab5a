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
    // One slot per schema, indexed by `RecordSchema.ordinal`: `add` runs for every record, and arrays spare it
    // the hashing of three dictionary lookups.
    private var countSlots = [Int](repeating: 0, count: RecordSchema.allCases.count)
    private var sampleSlots = [[Sample]](repeating: [], count: RecordSchema.allCases.count)
    private var firstLineSlots = [Int?](repeating: nil, count: RecordSchema.allCases.count)

    public init(sampleLimit: Int = 1000) {
        self.sampleLimit = sampleLimit
    }

    /// Records of each schema seen at least once.
    public var counts: [RecordSchema: Int] {
        Dictionary(uniqueKeysWithValues: RecordSchema.allCases.filter { countSlots[$0.ordinal] > 0 }
            .map { ($0, countSlots[$0.ordinal]) })
    }

    /// The first `sampleLimit` records of each schema seen.
    public var samples: [RecordSchema: [Sample]] {
        Dictionary(uniqueKeysWithValues: RecordSchema.allCases.filter { !sampleSlots[$0.ordinal].isEmpty }
            .map { ($0, sampleSlots[$0.ordinal]) })
    }

    /// Line of the first record of each schema (for "the file is mostly X, starting at line N").
    public var firstLine: [RecordSchema: Int] {
        Dictionary(uniqueKeysWithValues: RecordSchema.allCases.compactMap { schema in
            firstLineSlots[schema.ordinal].map { (schema, $0) }
        })
    }

    public mutating func add(_ schema: RecordSchema, sample: Sample) {
        let slot = schema.ordinal
        countSlots[slot] += 1
        if firstLineSlots[slot] == nil { firstLineSlots[slot] = sample.line }
        if sampleSlots[slot].count < sampleLimit { sampleSlots[slot].append(sample) }
    }

    public var total: Int { countSlots.reduce(0, +) }

    /// The schema most records follow (ties go to the one seen first), ignoring `unknown`.
    public var majority: RecordSchema? {
        RecordSchema.allCases.filter { $0 != .unknown && countSlots[$0.ordinal] > 0 }
            .max { (countSlots[$0.ordinal], -(firstLineSlots[$0.ordinal] ?? 0))
                < (countSlots[$1.ordinal], -(firstLineSlots[$1.ordinal] ?? 0)) }
    }
}

extension RecordSchema {
    /// The schema's position in `allCases`.
    var ordinal: Int {
        switch self {
        case .messages: 0
        case .sharegpt: 1
        case .alpaca: 2
        case .promptCompletion: 3
        case .preference: 4
        case .reward: 5
        case .text: 6
        case .unknown: 7
        }
    }
}
