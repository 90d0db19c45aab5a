/// A record of one file found again in another file: what the `dup/cross-file` and `dup/leakage` diagnostics say.
public struct CrossFileMatch: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The whole record, after normalization.
        case exact
        /// The prompt alone (reported only between training and evaluation files).
        case prompt
        /// A near duplicate with this estimated Jaccard similarity.
        case near(Double)
    }

    /// A record's place and extent.
    public struct Place: Sendable, Hashable {
        public let line: Int
        public let utf8Length: Int
        public let utf16Length: Int
        /// XXH3 of the line's bytes (what waivers key records by); 0 when unknown.
        public let rawHash: UInt64

        public init(line: Int, utf8Length: Int, utf16Length: Int, rawHash: UInt64 = 0) {
            self.line = line
            self.utf8Length = utf8Length
            self.utf16Length = utf16Length
            self.rawHash = rawHash
        }
    }

    public let record: Place
    /// The other file's path, where related information points.
    public let otherFile: String
    /// How messages name the other file (relative to the workspace in the editor).
    public let otherName: String
    public let other: Place
    public let otherIsEvaluation: Bool
    public let kind: Kind

    public init(record: Place, otherFile: String, otherName: String? = nil, other: Place, otherIsEvaluation: Bool,
                kind: Kind) {
        self.record = record
        self.otherFile = otherFile
        self.otherName = otherName ?? otherFile
        self.other = other
        self.otherIsEvaluation = otherIsEvaluation
        self.kind = kind
    }

    /// Exact beats near beats prompt: the strongest reason is the one reported.
    public var strength: Double {
        switch kind {
        case .exact: 2
        case .near(let similarity): 1 + similarity / 2
        case .prompt: 0.5
        }
    }

    /// How this match ranks for a record of a file on the `inEvaluationFile` side: leakage first, then strength;
    /// nil when it would be no finding at all (a prompt shared by two files of the same kind).
    public func rank(inEvaluationFile: Bool) -> Double? {
        let isLeak = inEvaluationFile != otherIsEvaluation
        if case .prompt = kind, !isLeak { return nil }
        return strength + (isLeak ? 10 : 0)
    }
}

/// The records of one file as the cross-file matcher sees them (from the `dedup` stage's aggregate).
public struct FileDuplicates: Sendable {
    public let file: String
    public let isEvaluation: Bool
    let lines: [Int]
    let facts: [DuplicateFacts]
    /// Reads the file's records again for exact measures (nil: estimates only), and shingles them.
    let exactMeasure: ExactMeasure?

    func place(_ index: Int) -> CrossFileMatch.Place {
        CrossFileMatch.Place(line: lines[index], utf8Length: facts[index].utf8Length, utf16Length: facts[index].utf16Length,
                             rawHash: facts[index].rawHash)
    }
}

extension DuplicateAggregate {
    /// What this file contributes to the comparison across files.
    public func snapshot(file: String, isEvaluation: Bool) -> FileDuplicates {
        FileDuplicates(file: file, isEvaluation: isEvaluation, lines: lines, facts: facts, exactMeasure: exactMeasure)
    }
}
