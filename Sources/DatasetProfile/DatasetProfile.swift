import RecordScanner
import RecordTokens
import Schemas

/// What a dataset holds, for `datalint stats`: records and schemas, roles and turns, and tokens — per record, per
/// role, what training learns on (assistant turns), and for preference pairs how much longer the chosen answers
/// are than the rejected ones (a length bias a reward model learns).
public struct DatasetProfile {
    public private(set) var records = 0
    public private(set) var blankLines = 0
    public private(set) var invalidRecords = 0
    public private(set) var schemas: [String: Int] = [:]
    public private(set) var roles: [String: Int] = [:]
    public private(set) var turns = Distribution()
    public private(set) var tokens = Distribution()
    public private(set) var tokensByRole: [String: Distribution] = [:]
    /// Tokens of assistant turns (or outputs, completions, chosen answers) per record: what training is billed for.
    public private(set) var trainedTokens = Distribution()
    /// Tokens of the chosen and the rejected answer of each preference pair that has both.
    public private(set) var preferencePairs: [(chosen: Int, rejected: Int)] = []
    private let counter: RecordTokenCounter

    public init(counter: RecordTokenCounter) {
        self.counter = counter
    }

    public var tokensAreApproximate: Bool { counter.isApproximate }
    public var encodingName: String { counter.encoding.name }

    public mutating func add(_ record: ParsedRecord, isBlank: Bool) {
        if isBlank {
            blankLines += 1
            return
        }
        records += 1
        guard let root = record.rootObject, let total = counter.count(record) else {
            invalidRecords += 1
            return
        }
        let schema = SchemaDetector.detect(record).schema
        schemas[schema.rawValue, default: 0] += 1
        tokens.add(total)
        if let list = ConversationTurns.list(in: record, root: root) {
            addConversation(list, record)
        } else {
            addPair(schema, root, record)
        }
    }

    private mutating func addConversation(_ list: Int, _ record: ParsedRecord) {
        var turnCount = 0, trained = 0
        for turn in ConversationTurns.turns(of: list, in: record) {
            turnCount += 1
            let role = ConversationTurns.role(of: turn, in: record) ?? "?"
            roles[role, default: 0] += 1
            let count = counter.count(turn.textNode.map { text(of: $0, record) } ?? "")
            tokensByRole[role, default: Distribution()].add(count)
            if ConversationTurns.isAssistant(turn, in: record) { trained += count }
        }
        turns.add(turnCount)
        trainedTokens.add(trained)
    }

    private mutating func addPair(_ schema: RecordSchema, _ root: Int, _ record: ParsedRecord) {
        func tokens(_ key: String) -> Int? {
            record.value(forKey: key, in: root).map { counter.count(text(of: $0, record)) }
        }
        switch schema {
        case .preference:
            let chosen = tokens("chosen"), rejected = tokens("rejected")
            if let chosen { trainedTokens.add(chosen) }
            if let chosen, let rejected { preferencePairs.append((chosen, rejected)) }
        case .alpaca:
            if let output = tokens("output") { trainedTokens.add(output) }
        case .promptCompletion, .reward:
            if let answer = tokens("completion") ?? tokens("response") { trainedTokens.add(answer) }
        default:
            break
        }
    }

    /// A value's text: a string's value, or every string inside an array or object (content parts, message lists).
    private func text(of node: Int, _ record: ParsedRecord) -> String {
        record[node].kind == .string ? record.string(node)
            : record.stringValueNodes(under: node).map(record.string).joined(separator: "\n")
    }

    /// Mean chosen minus mean rejected tokens, and the share of pairs whose chosen answer is the longer (nil
    /// without preference pairs). Only pairs with both answers count.
    public var preferenceLengthBias: (meanDifference: Double, chosenLonger: Double)? {
        guard !preferencePairs.isEmpty else { return nil }
        let difference = preferencePairs.reduce(0) { $0 + $1.chosen - $1.rejected }
        let longer = preferencePairs.filter { $0.chosen > $0.rejected }.count
        return (Double(difference) / Double(preferencePairs.count), Double(longer) / Double(preferencePairs.count))
    }
}
