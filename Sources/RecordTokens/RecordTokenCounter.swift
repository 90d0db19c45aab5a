import RecordScanner
import Schemas
import Tokenization

/// Counts the tokens of records: exactly when the encoding's rank file is installed, else by estimate (and says so).
///
/// A chat record (`messages` or `conversations`) is counted as the OpenAI cookbook counts a conversation: every
/// string field of every message, 3 tokens a message, 1 for a name, 3 for the reply. Any other record is the sum
/// of its string values.
public struct RecordTokenCounter {
    private let session: TokenizerSession?
    private let estimator: ApproximateTokenCounter
    public let encoding: BPEEncoding

    /// True when counts are estimates (no rank file).
    public var isApproximate: Bool { session == nil }

    /// A counter for `tokenizer`'s encoding, or an estimating one for `encoding` when `tokenizer` is nil.
    public init(tokenizer: BPETokenizer?, encoding: BPEEncoding = .cl100kBase) {
        session = tokenizer?.makeSession()
        self.encoding = tokenizer?.encoding ?? encoding
        estimator = ApproximateTokenCounter(approximating: self.encoding)
    }

    public func count(_ text: String) -> Int { session?.count(text) ?? estimator.count(text).value }

    public func count(utf8 bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBytes { count(utf8: $0) }
    }

    public func count(utf8 buffer: UnsafeRawBufferPointer) -> Int {
        session?.count(utf8: buffer) ?? estimator.count(utf8: buffer).value
    }

    /// The tokens of a valid record (see `RecordLengths.total`); nil when the line is not valid JSON.
    public func count(_ record: ParsedRecord) -> Int? {
        guard record.isValidJSON else { return nil }
        return lengths(of: record)?.total ?? record.stringValueNodes().reduce(0) { $0 + count(record, $1) }
    }
}
