/// Why a string is not a domain name that a public suffix lookup can answer for.
public enum DomainNameError: Error, Sendable, Equatable {
    /// Nothing left after removing the trailing dot of a fully qualified name.
    case empty
    /// Two dots in a row, or a leading dot.
    case emptyLabel
    /// A label longer than DNS's 63 bytes.
    case labelTooLong
    /// A name longer than DNS's 253 bytes.
    case nameTooLong
    /// A character no host name contains: space, punctuation, a control character, a wildcard `*`, …
    case invalidCharacter(Unicode.Scalar)
    /// The last label is all digits, so the name is an IPv4 address or a version number, not a domain.
    case numericTopLevelLabel
    /// libpsl could not lower-case the non-ASCII name (its `psl_error_t`).
    case lowercasingFailed(code: Int32)
}
