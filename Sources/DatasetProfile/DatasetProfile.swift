import LanguageDetection
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
    /// Records per language (ISO 639 code; `un` when the text is too short or mixed to tell), and the codes' names.
    public private(set) var languages: [String: Int] = [:]
    public private(set) var languageNames: [String: String] = [:]
    private let counter: RecordTokenCounter

    public init(counter: RecordTokenCounter) {
        self.counter = counter
    }

    public var tokensAreApproximate: Bool { counter.isApproximate }
    public var encodingName: String { counter.encoding.name }

    /// Adds a record; `lengths`, when its tokens were counted before (the language server keeps them per line),
    /// spares counting them again.
    public mutating func add(_ record: ParsedRecord, isBlank: Bool, lengths counted: RecordLengths? = nil) {
        if isBlank {
            blankLines += 1
            return
        }
        records += 1
        guard record.isValidJSON, let lengths = counted ?? counter.lengths(of: record) else {
            invalidRecords += 1
            return
        }
        schemas[SchemaDetector.detect(record).schema.rawValue, default: 0] += 1
        addLanguage(of: record, lengths)
        tokens.add(lengths.total)
        if let turnCount = lengths.turnCount { turns.add(turnCount) }
        var trained = 0, chosen: Int?, rejected: Int?
        for part in lengths.parts {
            if let role = part.slot.roleName {
                roles[role, default: 0] += 1
                tokensByRole[role, default: Distribution()].add(part.tokens)
            }
            switch part.slot {
            case "field:chosen": chosen = part.tokens
            case "field:rejected": rejected = part.tokens
            default: break
            }
            // A rejected answer is shown to preference training, not learned as a target.
            if part.isAnswer && part.slot != "field:rejected" { trained += part.tokens }
        }
        if lengths.turnCount != nil || lengths.parts.contains(where: \.isAnswer) { trainedTokens.add(trained) }
        if let chosen, let rejected { preferencePairs.append((chosen, rejected)) }
    }

    /// The language of the record's turns or fields, system prompts aside (often boilerplate in English whatever
    /// the conversation's language); questions are short, so answers are read too.
    private mutating func addLanguage(of record: ParsedRecord, _ lengths: RecordLengths) {
        let nodes = lengths.parts.filter { $0.slot != "role:system" && $0.slot != "field:system" }.map(\.node)
        var text: [UInt8] = []
        for node in nodes {
            for string in record[node].kind == .string ? [node] : record.stringValueNodes(under: node) {
                text += record.decodedBytes(string)
                text.append(0x0A)
                if text.count >= LanguageDetector.sampleLimit { break }
            }
        }
        let language = text.withUnsafeBytes { LanguageDetector.detect($0) }
        let code = language.isReliable ? language.code : "un"
        languages[code, default: 0] += 1
        languageNames[code] = language.isReliable ? language.name : "unknown"
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

extension String {
    /// `user` for the slot `role:user`; nil for fields.
    var roleName: String? { hasPrefix("role:") ? String(dropFirst(5)) : nil }
}
