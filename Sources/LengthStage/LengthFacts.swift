import DatasetText
import RecordTokens

/// What the `length` stage learns of one record; every length diagnostic is decided from these by the aggregate,
/// which knows the file's usual lengths. Ranges are on the record's own line.
public struct LengthFacts: Sendable, Equatable {
    /// The record's tokens, chat framing included.
    public let tokens: Int
    /// The whole line.
    public let range: SourceRange
    public let parts: [PartLength]
    /// Turns of a conversation; nil for other records.
    public let turnCount: Int?

    /// The counts as `RecordLengths`, for statistics kept up to date without tokenizing again (node indices hold
    /// for the same line scanned again).
    public var recordLengths: RecordLengths {
        RecordLengths(total: tokens, parts: parts.map { part in
            RecordLengths.Part(slot: part.callsTools ? String(part.slot.dropLast(PartLength.toolCallSuffix.count)) : part.slot,
                               node: part.node, tokens: part.tokens, isAnswer: part.isAnswer,
                               callsTools: part.callsTools)
        }, turnCount: turnCount)
    }
}

/// One turn or field of a record.
public struct PartLength: Sendable, Equatable {
    /// `role:user`, `field:output`… (see `RecordLengths.Part.slot`).
    public let slot: String
    /// The value's node in the record.
    public let node: Int
    public let tokens: Int
    public let range: SourceRange
    public let isAnswer: Bool
    /// An answer whose text ends mid-sentence or inside an open code fence.
    public let looksUnfinished: Bool
    /// Empty, only white space, or no text at all (the format stage reports those; lengths do not judge them).
    public let isBlank: Bool
    /// A turn that calls tools, judged apart from the other turns of its role.
    public let callsTools: Bool

    /// An answer to judge as one: a tool-calling turn's content is a preface, not an answer.
    var isJudgedAsAnswer: Bool { isAnswer && !callsTools }

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
