import Diagnostics
import RecordScanner
import RecordTokens
import StageKit

/// The `length` stage: records longer than the context, turns and fields of unusual length for their role or
/// field, near-empty answers, and answers cut off at a length limit (docs/length.md).
///
/// Each record is tokenized on its own (in parallel, and again alone when edited); whether a length is unusual
/// depends on the whole file, so every diagnostic comes from the aggregate.
public struct LengthStage: RecordStage {
    public let options: LengthOptions
    public let counters: TokenCounters

    /// `counters` counts in `options.encoding`; pass one to share a tokenizer that is already loaded.
    public init(options: LengthOptions = LengthOptions(), counters: TokenCounters? = nil) {
        self.options = options
        self.counters = counters ?? TokenCounters(encoding: options.encoding)
    }

    public static let stageName = "length"
    public var name: String { Self.stageName }
    public var codes: [CodeDescriptor] { LengthCode.allCases.map(\.descriptor) }

    public func check(_ record: ParsedRecord, into diagnostics: inout [Diagnostic]) -> LengthFacts? {
        guard record.isValidJSON, let lengths = counters.current().lengths(of: record) else { return nil }
        let parts = lengths.parts.map { part in
            let isBlank = part.tokens == 0 || (record[part.node].kind == .string && record.isBlankString(part.node))
            let unfinished = part.isAnswer && !part.callsTools && !isBlank && AnswerEnding.looksUnfinished(answerText(part.node, record))
            return PartLength(slot: part.callsTools ? part.slot + PartLength.toolCallSuffix : part.slot, node: part.node,
                              tokens: part.tokens, range: record.range(ofNode: part.node), isAnswer: part.isAnswer,
                              looksUnfinished: unfinished, isBlank: isBlank, callsTools: part.callsTools)
        }
        return LengthFacts(tokens: lengths.total, range: record.lineSourceRange, parts: parts, turnCount: lengths.turnCount)
    }

    /// The text an answer ends with: a string's value, or the last string inside content parts or a message list.
    private func answerText(_ node: Int, _ record: ParsedRecord) -> [UInt8] {
        if record[node].kind == .string { return record.decodedBytes(node) }
        return record.stringValueNodes(under: node).last.map(record.decodedBytes) ?? []
    }

    public func makeAggregate() -> LengthAggregate {
        LengthAggregate(options: options, encodingName: counters.encoding.name, isApproximate: counters.isApproximate)
    }
}
