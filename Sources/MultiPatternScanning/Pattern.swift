/// One expression to look for, with the id its matches are reported under.
///
/// Ids need not be unique: patterns that mean the same thing (several spellings of one secret's prefix) may
/// share an id, and their matches are then indistinguishable. Vectorscan reports ids as 32-bit numbers, hence
/// `UInt32`.
public struct Pattern: Sendable, Hashable {
    public var id: UInt32
    /// A PCRE-style regular expression (Vectorscan's dialect: no back-references or look-around).
    public var expression: String
    public var flags: PatternFlags

    public init(id: UInt32, expression: String, flags: PatternFlags = []) {
        self.id = id
        self.expression = expression
        self.flags = flags
    }
}
