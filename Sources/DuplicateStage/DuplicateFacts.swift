import NearDuplicates

/// What the `dedup` stage keeps of a record: hashes and a MinHash signature, never its text, so the facts can go
/// into the workspace index as they are.
public struct DuplicateFacts: Sendable, Equatable {
    /// The whole record's normalized values: equal hashes are exact duplicates.
    public let exactHash: UInt64
    /// The line's bytes as written: equal hashes are byte-identical lines, safe to delete without a look.
    public let rawHash: UInt64
    public let prompt: PromptFacts?
    /// MinHash signature of the record's shingles, and its LSH band keys.
    public let signature: [UInt32]
    public let bandKeys: [UInt64]
    /// The record's extent, so a diagnostic about it can cover it whole.
    public let utf8Length: Int
    public let utf16Length: Int

    /// The MinHash estimate of the Jaccard similarity of two records' shingles, from their signatures.
    public static func estimatedSimilarity(_ first: [UInt32], _ second: [UInt32]) -> Double {
        Jaccard.estimate(MinHashSignature(values: first), MinHashSignature(values: second))
    }
}

/// The prompt part of a record and what answers it.
public struct PromptFacts: Sendable, Equatable {
    public let promptHash: UInt64
    public let answerHash: UInt64
    /// The answer with punctuation, case and spacing erased: answers equal this way are one answer written twice,
    /// not a conflict.
    public let looseAnswerHash: UInt64
    /// Rejected answer (preference) or score (reward); 0 when the schema has none.
    public let verdictHash: UInt64
    let rule: RecordParts.ConflictRule
}
