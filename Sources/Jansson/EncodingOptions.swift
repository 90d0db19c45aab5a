/// How `JSONValue.encoded(options:)` writes JSON. The default is compact, in member order, and escapes only
/// what JSON requires (quote, backslash, control characters), leaving other Unicode as UTF-8.
public struct EncodingOptions: Sendable, Hashable {
    /// Members ordered by the bytes of their keys instead of their own order.
    public var sortsKeys: Bool
    /// Everything beyond ASCII written as `\uXXXX` escapes (surrogate pairs beyond the BMP).
    public var escapesNonASCII: Bool
    /// `/` written as `\/`, for JSON embedded in HTML.
    public var escapesSlash: Bool
    /// 0 for one line; otherwise each member and element on its own line, indented by this many spaces per
    /// level (at most 31, jansson's limit).
    public var indentation: Int

    public init(sortsKeys: Bool = false, escapesNonASCII: Bool = false, escapesSlash: Bool = false,
                indentation: Int = 0) {
        self.sortsKeys = sortsKeys
        self.escapesNonASCII = escapesNonASCII
        self.escapesSlash = escapesSlash
        self.indentation = indentation
    }

    public static let compact = EncodingOptions()
}
