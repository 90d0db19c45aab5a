internal import CVectorscan

/// How one pattern is compiled. Each flag is one of Vectorscan's `HS_FLAG_*` bits.
public struct PatternFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Letters match regardless of case (ASCII only, unless `.unicodeProperties` is set too).
    public static let caseless = PatternFlags(hsFlag: HS_FLAG_CASELESS)
    /// `.` matches newlines too.
    public static let dotAll = PatternFlags(hsFlag: HS_FLAG_DOTALL)
    /// `^` and `$` match at every newline, not only at the ends of the input.
    public static let multiline = PatternFlags(hsFlag: HS_FLAG_MULTILINE)
    /// Report the pattern at most once per scan: enough when the question is "does this string hold a key?",
    /// and much cheaper on inputs where it would match many times. Cannot be combined with `.leftmostStart`.
    public static let singleMatch = PatternFlags(hsFlag: HS_FLAG_SINGLEMATCH)
    /// Let the pattern match the empty string (Vectorscan refuses such patterns otherwise).
    public static let allowEmpty = PatternFlags(hsFlag: HS_FLAG_ALLOWEMPTY)
    /// Treat the expression and the input as UTF-8, so `.` and classes match whole characters, not bytes.
    /// Offsets stay byte offsets. Input that is not valid UTF-8 gives undefined (but memory-safe) matches.
    public static let utf8 = PatternFlags(hsFlag: HS_FLAG_UTF8)
    /// Use Unicode properties for `\w`, `\d`, `\s` and caseless matching; requires `.utf8`.
    public static let unicodeProperties = PatternFlags(hsFlag: HS_FLAG_UCP)
    /// Compile an approximation that may match more than the expression but never less: a prefilter whose
    /// matches must be confirmed by an exact matcher. Lets Vectorscan accept constructs it cannot run exactly.
    public static let prefilter = PatternFlags(hsFlag: HS_FLAG_PREFILTER)
    /// Report where each match starts (its leftmost start). Without it a match's start is reported as 0,
    /// because tracking starts costs speed and stream state; the end is always exact. Cannot be combined
    /// with `.singleMatch`.
    public static let leftmostStart = PatternFlags(hsFlag: HS_FLAG_SOM_LEFTMOST)

    private init(hsFlag: Int32) {
        self.init(rawValue: UInt32(hsFlag))
    }
}
