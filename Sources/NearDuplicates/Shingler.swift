import Hashing

/// Cuts normalized UTF-8 text into overlapping n-grams ("shingles") and hashes each to 64 bits.
///
/// Word shingles default to 5 words: short enough that a 1.8 KB chat turn (about 300 words) still yields a few
/// hundred shingles and one edited word changes only 5 of them, long enough that common phrases do not make
/// unrelated texts look alike (5-grams are what Lee et al. 2022 and most LLM dedup pipelines use). Character
/// shingles (say 5 code points) suit text without spaces between words (Chinese, Japanese, Thai).
///
/// Input should come from the `Normalizer` with white-space collapsing: words are split at ASCII white space only.
public struct Shingler: Sendable, Hashable {
    public enum Unit: Sendable, Hashable {
        /// n consecutive words (runs of bytes between ASCII white space).
        case words(Int)
        /// n consecutive Unicode code points.
        case characters(Int)
    }

    public let unit: Unit
    public let seed: UInt64

    public init(_ unit: Unit = .words(5), seed: UInt64 = 0) {
        switch unit {
        case .words(let n), .characters(let n): precondition(n > 0, "a shingle holds at least one unit")
        }
        self.unit = unit
        self.seed = seed
    }

    /// The hash of every shingle of `text`, in order, repeats included (MinHash ignores repeats).
    /// A text shorter than one shingle gives one shingle of all of it; an empty text gives none.
    public func hashes(of text: [UInt8]) -> [UInt64] {
        switch unit {
        case .words(let n): wordShingleHashes(text, n: n)
        case .characters(let n): characterShingleHashes(text, n: n)
        }
    }

    /// The hashes of `text` (normalized UTF-8) of a `String`, for tests.
    public func hashes(of text: String) -> [UInt64] {
        hashes(of: Array(text.utf8))
    }

    /// The distinct shingle hashes of `text`: the set whose Jaccard similarity MinHash estimates.
    public func shingleSet(of text: [UInt8]) -> Set<UInt64> {
        Set(hashes(of: text))
    }
}
