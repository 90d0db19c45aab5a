import DatasetText

/// What the `length` stage learns of one record; every length diagnostic is decided from these by the aggregate,
/// which knows the file's usual lengths. Ranges are on the record's own line.
public struct LengthFacts: Sendable, Equatable {
    /// The record's tokens, chat framing included.
    public let tokens: Int
    /// The whole line.
    public let range: SourceRange
    public let parts: [PartLength]
}

/// One turn or field of a record.
public struct PartLength: Sendable, Equatable {
    /// `role:user`, `field:output`… (see `RecordLengths.Part.slot`).
    public let slot: String
    public let tokens: Int
    public let range: SourceRange
    public let isAnswer: Bool
    /// An answer whose text ends mid-sentence or inside an open code fence.
    public let looksUnfinished: Bool
    /// Empty, only white space, or no text at all (the format stage reports those; lengths do not judge them).
    public let isBlank: Bool

    /// Turns that call tools are judged apart from the other turns of their role.
    static let toolCallSuffix = " tool-call"

    /// How the part is named in messages: "user turn", "assistant tool-call turn", "`output`".
    var displayName: String {
        slot.hasPrefix("role:") ? "\(slot.dropFirst(5)) turn" : "`\(slot.dropFirst(6))`"
    }
}

extension SourceRange {
    /// The same columns on `line`.
    func placed(onLine line: Int) -> SourceRange {
        SourceRange(start: SourcePosition(line: line, utf8Column: start.utf8Column, utf16Column: start.utf16Column),
                    end: SourcePosition(line: line, utf8Column: end.utf8Column, utf16Column: end.utf16Column))
    }
}
