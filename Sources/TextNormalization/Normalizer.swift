/// Turns text into normalized UTF-8 bytes, so that texts differing only in ways the options erase (Unicode
/// composition, case, white space, punctuation) give identical bytes, and so identical hashes and shingles.
///
/// The normalizer holds only its options: it is a value that any number of tasks can use at once. ASCII text
/// (most of an English dataset) never reaches utf8proc: only non-ASCII runs are decoded, folded and composed by
/// utf8proc. Invalid UTF-8 is not an error: each invalid sequence becomes U+FFFD, as Swift's `String` decoding does.
public struct Normalizer: Sendable {
    public let options: NormalizationOptions

    public init(options: NormalizationOptions = NormalizationOptions()) {
        self.options = options
    }

    /// The normalized UTF-8 bytes of `text`.
    public func normalize(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { normalizeValidUTF8(UnsafeRawBufferPointer($0)) }
    }

    /// The normalized UTF-8 bytes of `bytes`, which may hold invalid UTF-8.
    public func normalize(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let fast = bytes.withContiguousStorageIfAvailable { normalize(maybeInvalid: UnsafeRawBufferPointer($0)) }
        return fast ?? Array(bytes).withUnsafeBytes { normalize(maybeInvalid: $0) }
    }

    /// `normalize(_:)` as a `String`, for tests and messages.
    public func normalizedString(_ text: String) -> String {
        String(decoding: normalize(text), as: UTF8.self)
    }

    private func normalize(maybeInvalid bytes: UnsafeRawBufferPointer) -> [UInt8] {
        // ASCII is valid UTF-8; checking first spares most records the copy into a String.
        if bytes.allSatisfy({ $0 < 0x80 }) { return normalizeValidUTF8(bytes) }
        // Swift's decoder replaces invalid sequences with U+FFFD (one per maximal invalid subpart, as Unicode
        // recommends); utf8proc would instead reject the whole text.
        var text = String(decoding: bytes, as: UTF8.self)
        return text.withUTF8 { normalizeValidUTF8(UnsafeRawBufferPointer($0)) }
    }
}
