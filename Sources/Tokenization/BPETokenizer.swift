import Crypto
import Foundation

/// Exact token counts and token ids for tiktoken's byte-pair encodings (cl100k_base, o200k_base), the same ids
/// `tiktoken`'s `encode_ordinary` gives: special-token text such as `<|endoftext|>` is encoded as ordinary text.
///
/// Like tiktoken, it cuts text into pieces with the encoding's regular expression, then looks each piece up in the
/// vocabulary; a piece that is a token is one token, and only the others are merged byte pair by byte pair.
///
/// A tokenizer is immutable and can be shared by any number of tasks. `count(_:)` and `encode(_:)` set up fresh
/// matching state on every call; code that tokenizes many texts should take a `TokenizerSession` per task and
/// reuse it.
public final class BPETokenizer: Sendable {
    public let encoding: BPEEncoding
    public let ranks: RankTable
    /// The pre-tokenization pattern for text without `UnicodeAdditions.affectedScalars`, and the one for any text
    /// (see `PretokenizationPattern`).
    let fastPattern: CompiledPattern
    let exactPattern: CompiledPattern

    /// A tokenizer for `encoding` with the vocabulary `ranks`.
    ///
    /// - Throws: `TokenizerError.notByteLevel` unless every single byte is a token (tiktoken needs that too: it
    ///   is what guarantees any text can be encoded), and `.pattern` if PCRE2 rejects the encoding's pattern.
    public init(encoding: BPEEncoding, ranks: RankTable) throws(TokenizerError) {
        var missing: [UInt8] = []
        for byte in 0...UInt8.max where ranks.rank(of: CollectionOfOne(byte)) == nil { missing.append(byte) }
        guard missing.isEmpty else { throw .notByteLevel(missingBytes: missing) }
        self.encoding = encoding
        self.ranks = ranks
        do {
            let fast = PretokenizationPattern.fast(encoding.pattern)
            fastPattern = try CompiledPattern(fast.pattern, extraOptions: fast.options)
            let exact = PretokenizationPattern.exact(encoding.pattern)
            exactPattern = try CompiledPattern(exact.pattern, extraOptions: exact.options)
        } catch {
            throw .pattern(error)
        }
    }

    /// Loads the rank file of `encoding` from where `locator` finds it, checks it is the file tiktoken uses
    /// (its SHA-256 and token count), and builds the tokenizer.
    public convenience init(encoding: BPEEncoding, locator: RankFileLocator = RankFileLocator()) throws(TokenizerError) {
        let path: String
        do {
            path = try locator.locate(encoding)
        } catch {
            throw .rankFileNotFound(error)
        }
        try self.init(encoding: encoding, rankFile: path)
    }

    /// Loads `encoding` from the rank file at `path`, checking its SHA-256 and token count.
    public convenience init(encoding: BPEEncoding, rankFile path: String) throws(TokenizerError) {
        let contents: [UInt8]
        do {
            contents = try RankFile.read(path: path)
        } catch {
            throw .rankFile(path: path, error)
        }
        if let expected = encoding.sha256 {
            let actual = SHA256.hash(data: contents).map { String(format: "%02x", $0) }.joined()
            guard actual == expected else { throw .checksumMismatch(path: path, expected: expected, actual: actual) }
        }
        let table: RankTable
        do {
            table = try RankFile.parse(contents)
        } catch {
            throw .rankFile(path: path, error)
        }
        guard table.count == encoding.rankCount else {
            throw .wrongTokenCount(path: path, expected: encoding.rankCount, found: table.count)
        }
        try self.init(encoding: encoding, ranks: table)
    }

    /// Fresh matching state for one task.
    public func makeSession() -> TokenizerSession { TokenizerSession(self) }

    /// The number of tokens in `text`.
    public func count(_ text: String) -> Int { makeSession().count(text) }

    /// The token ids of `text`, special tokens encoded as ordinary text.
    public func encode(_ text: String) -> [Int] { makeSession().encode(text) }

    /// The bytes the token ids stand for (ordinary tokens only; special-token ids and unknown ids are skipped).
    public func decodeBytes(_ tokens: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        for token in tokens { bytes.append(contentsOf: ranks.bytes(ofRank: token) ?? []) }
        return bytes
    }
}

/// Why a tokenizer could not be made.
public enum TokenizerError: Error, CustomStringConvertible {
    case rankFileNotFound(RankFileLocatorError)
    case rankFile(path: String, RankFileError)
    /// The file is not byte for byte the one tiktoken uses, so its counts could differ.
    case checksumMismatch(path: String, expected: String, actual: String)
    case wrongTokenCount(path: String, expected: Int, found: Int)
    case notByteLevel(missingBytes: [UInt8])
    case pattern(PatternError)

    public var description: String {
        switch self {
        case .rankFileNotFound(let error): error.description
        case .rankFile(let path, let error): "\(path): \(error)"
        case .checksumMismatch(let path, let expected, let actual):
            "\(path) is not the rank file tiktoken uses: its SHA-256 is \(actual), expected \(expected)"
        case .wrongTokenCount(let path, let expected, let found):
            "\(path) holds \(found) tokens, expected \(expected)"
        case .notByteLevel(let missing):
            "the vocabulary lacks \(missing.count) single-byte tokens (first: \(missing[0])); byte-level BPE needs all 256"
        case .pattern(let error): "the pre-tokenization pattern does not compile: \(error)"
        }
    }
}

/// A tokenizer with the matching state and scratch memory of one task, reused from one text to the next.
/// Not `Sendable`: make one per task with `BPETokenizer.makeSession()`.
public final class TokenizerSession {
    public let tokenizer: BPETokenizer
    private let fastMatcher: PatternMatcher
    private let exactMatcher: PatternMatcher
    private let merger = BytePairMerger()

    init(_ tokenizer: BPETokenizer) {
        self.tokenizer = tokenizer
        fastMatcher = PatternMatcher(tokenizer.fastPattern)
        exactMatcher = PatternMatcher(tokenizer.exactPattern)
    }

    /// The number of tokens in `text`.
    public func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { run(UnsafeRawBufferPointer($0), tokens: nil) }
    }

    /// The number of tokens in UTF-8 `bytes`. Invalid sequences count as U+FFFD, one per maximal invalid
    /// subsequence as Swift's `String(decoding:as:)` replaces them (Unicode's recommended practice, which Python's
    /// `bytes.decode("utf-8", "replace")` follows too).
    public func count(utf8 bytes: UnsafeRawBufferPointer) -> Int {
        if Self.isASCII(bytes) { return run(bytes, tokens: nil) }
        return count(String(decoding: bytes, as: UTF8.self))
    }

    /// The token ids of `text`.
    public func encode(_ text: String) -> [Int] {
        var tokens: [Int] = []
        encode(text, appendingTo: &tokens)
        return tokens
    }

    /// Appends the token ids of `text` to `tokens`.
    public func encode(_ text: String, appendingTo tokens: inout [Int]) {
        var text = text
        text.withUTF8 { _ = run(UnsafeRawBufferPointer($0), tokens: &tokens) }
    }

    /// Pre-tokenizes valid UTF-8 `text` and merges each piece; appends ids to `tokens` unless it is nil.
    private func run(_ text: UnsafeRawBufferPointer, tokens: UnsafeMutablePointer<[Int]>?) -> Int {
        let table = tokenizer.ranks.storage
        let merger = self.merger
        let matcher = UnicodeAdditions.containsAffectedScalar(text) ? exactMatcher : fastMatcher
        var total = 0
        do {
            try matcher.forEachMatch(inValidUTF8: text) { start, end in
                let piece = UnsafeRawBufferPointer(rebasing: text[start..<end])
                let rank = table.rank(of: piece.baseAddress, count: piece.count)
                if rank != RankTable.absent {
                    total += 1
                    tokens?.pointee.append(Int(rank))
                    return
                }
                if let tokens {
                    total += merger.merge(piece, table: table) { start, end in
                        tokens.pointee.append(Int(table.rank(of: piece.baseAddress! + start, count: end - start)))
                    }
                } else {
                    total += merger.merge(piece, table: table) { _, _ in }
                }
            }
        } catch {
            // tiktoken's patterns cannot fail on valid UTF-8 once the match limit is lifted and the JIT stack
            // can grow (see PatternMatcher); reaching this is a bug, not bad input.
            fatalError("pre-tokenization failed: \(error)")
        }
        return total
    }

    private func run(_ text: UnsafeRawBufferPointer, tokens: inout [Int]) -> Int {
        withUnsafeMutablePointer(to: &tokens) { run(text, tokens: $0) }
    }

    private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index + 8 <= bytes.count {
            if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
