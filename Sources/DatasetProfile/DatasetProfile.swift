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
        let list = record.value(forKey: "messages", in: root) ?? record.value(forKey: "conversations", in: root)
        if let list, record[list].kind == .array {
            addConversation(list, record)
        } else {
            addPair(schema, root, record)
        }
    }

    private mutating func addConversation(_ list: Int, _ record: ParsedRecord) {
        var turnCount = 0, trained = 0
        for message in record.elements(of: list) where record[message].kind == .object {
            turnCount += 1
            let roleNode = record.value(forKey: "role", in: message) ?? record.value(forKey: "from", in: message)
            let role = roleNode.flatMap { record[$0].kind == .string ? record.string($0) : nil } ?? "?"
            roles[role, default: 0] += 1
            let content = (record.value(forKey: "content", in: message) ?? record.value(forKey: "value", in: message))
                .map { text(of: $0, record) } ?? ""
            let count = counter.count(content)
            tokensByRole[role, default: Distribution()].add(count)
            if ["assistant", "gpt", "model"].contains(role) { trained += count }
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

    /// A value's text: a string's value, or every string inside an array or object (message lists included).
    private func text(of node: Int, _ record: ParsedRecord) -> String {
        if record[node].kind == .string { return record.string(node) }
        var parts: [String] = []
        var index = node + 1
        let end = max(record[node].next, node + 1)
        var keys = Set<Int>()
        while index < end {
            if record[index].kind == .object { for member in record.members(of: index) { keys.insert(member.key) } }
            if record[index].kind == .string && !keys.contains(index) { parts.append(record.string(index)) }
            index += 1
        }
        return parts.joined(separator: "\n")
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
