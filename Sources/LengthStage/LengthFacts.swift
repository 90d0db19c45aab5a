import DatasetText
import RecordTokens

/// What the `length` stage learns of one record; every length diagnostic is decided from these by the aggregate,
/// which knows the file's usual lengths. Kept for every record of a file (by the aggregate, and per line by the
/// language server), so stored compactly: columns on the record's own line, 32-bit counts.
public struct LengthFacts: Sendable, Equatable {
    private let totalTokens: UInt32
    /// The whole line.
    let line: ColumnSpan
    public let parts: [PartLength]
    private let turns: Int32

    init(tokens: Int, range: SourceRange, parts: [PartLength], turnCount: Int?) {
        totalTokens = UInt32(clamping: tokens)
        line = ColumnSpan(range)
        self.parts = parts
        turns = turnCount.map { Int32(clamping: $0) } ?? -1
    }

    /// The record's tokens, chat framing included.
    public var tokens: Int { Int(totalTokens) }
    /// Turns of a conversation; nil for other records.
    public var turnCount: Int? { turns < 0 ? nil : Int(turns) }

    /// The counts as `RecordLengths`, for statistics kept up to date without tokenizing again (node indices hold
    /// for the same line scanned again).
    public var recordLengths: RecordLengths {
        RecordLengths(total: tokens, parts: parts.map { part in
            RecordLengths.Part(slot: part.callsTools ? String(part.slot.dropLast(PartLength.toolCallSuffix.count)) : part.slot,
                               node: part.node, tokens: part.tokens, isAnswer: part.isAnswer, callsTools: part.callsTools)
        }, turnCount: turnCount)
    }
}

/// One turn or field of a record.
public struct PartLength: Sendable, Equatable {
    /// `role:user`, `field:output`… (see `RecordLengths.Part.slot`); short enough to be stored inline.
    public let slot: String
    private let nodeIndex: UInt32
    private let tokenCount: UInt32
    /// The value's columns.
    let columns: ColumnSpan
    public let isAnswer: Bool
    /// An answer whose text ends mid-sentence or inside an open code fence.
    public let looksUnfinished: Bool
    /// Empty, only white space, or no text at all (the format stage reports those; lengths do not judge them).
    public let isBlank: Bool
    /// A turn that calls tools, judged apart from the other turns of its role.
    public let callsTools: Bool

    init(slot: String, node: Int, tokens: Int, range: SourceRange, isAnswer: Bool, looksUnfinished: Bool, isBlank: Bool,
         callsTools: Bool) {
        self.slot = slot
        nodeIndex = UInt32(clamping: node)
        tokenCount = UInt32(clamping: tokens)
        columns = ColumnSpan(range)
        self.isAnswer = isAnswer
        self.looksUnfinished = looksUnfinished
        self.isBlank = isBlank
        self.callsTools = callsTools
    }

    /// The value's node in the record.
    public var node: Int { Int(nodeIndex) }
    public var tokens: Int { Int(tokenCount) }

    /// An answer to judge as one (near-empty, cut off): a tool-calling turn's content is a preface, not an answer,
    /// and a rejected answer may be short or broken on purpose.
    var isJudgedAsAnswer: Bool { isAnswer && !callsTools && slot != "field:rejected" }

    /// Turns that call tools are judged apart from the other turns of their role.
    static let toolCallSuffix = " tool-call"

    /// How the part is named in messages: "user turn", "assistant tool-call turn", "`output`".
    var displayName: String {
        slot.hasPrefix("role:") ? "\(slot.dropFirst(5)) turn" : "`\(slot.dropFirst(6))`"
    }

    /// "user turns", "`output` values".
    var pluralName: String {
        slot.hasPrefix("role:") ? "\(slot.dropFirst(5)) turns" : "`\(slot.dropFirst(6))` values"
    }
}

/// Start and end columns within one line, in UTF-8 bytes and UTF-16 code units.
struct ColumnSpan: Sendable, Hashable {
    let utf8Start, utf16Start, utf8End, utf16End: UInt32

    init(_ range: SourceRange) {
        utf8Start = UInt32(clamping: range.start.utf8Column)
        utf16Start = UInt32(clamping: range.start.utf16Column)
        utf8End = UInt32(clamping: range.end.utf8Column)
        utf16End = UInt32(clamping: range.end.utf16Column)
    }

    func range(onLine line: Int) -> SourceRange {
        SourceRange(start: SourcePosition(line: line, utf8Column: Int(utf8Start), utf16Column: Int(utf16Start)),
                    end: SourcePosition(line: line, utf8Column: Int(utf8End), utf16Column: Int(utf16End)))
    }
}
