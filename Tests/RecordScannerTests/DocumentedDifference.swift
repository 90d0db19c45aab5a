/// The ways jansson's verdict on a line differs from the scanner's, on purpose. docs/scanner.md has an example
/// line and the reason for each; `JanssonVerdictModel` recognizes exactly these cases.
enum DocumentedDifference: String, CaseIterable, Sendable, Comparable {
    /// Valid JSON: an integer outside Int64. jansson fails ("too big integer"); RFC 8259 sets no range.
    case integerBeyondInt64
    /// Valid JSON: a real beyond Double's range. jansson fails ("real number overflow"); RFC 8259 sets no range.
    case realBeyondDouble
    /// Valid JSON: a scalar inside 2048 containers. jansson counts the scalar as a level and fails; the scanner
    /// limits containers only.
    case scalarInsideDeepestContainer
    /// Valid JSON: `\u0000` in an object key. jansson fails whatever its flags; RFC 8259 allows it.
    case nulEscapeInKey
    /// Invalid JSON: a raw NUL byte right after a number or a literal. jansson loses that byte when it steps
    /// back after reading a token's end (its push-back buffer is NUL-terminated), so it accepts the line as if
    /// the NUL were white space; the scanner rejects it.
    case nulByteAfterToken

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
