import RecordScanner
import Schemas

/// The prompt of a training record and what it teaches in answer, as nodes of the record, by schema.
///
/// Conflicts mean different things per schema, so the parts say which rule applies: an instruction record whose
/// prompt repeats with another answer teaches two things at once; a preference pair conflicts when its chosen
/// answer is another pair's rejected one for the same prompt (several pairs per prompt are normal); a reward
/// record conflicts when the same prompt and response carry another score (several responses are normal).
struct RecordParts {
    enum ConflictRule: UInt8, Sendable {
        case differentAnswer
        case swappedPreference
        case differentScore
    }

    var prompt: [Int] = []
    var answer: [Int] = []
    /// The rejected answer of a preference pair, or the score of a reward record.
    var verdict: [Int] = []
    var rule = ConflictRule.differentAnswer

    /// The parts of `record`, or nil when its schema has no prompt to speak of (plain text, unknown shapes).
    init?(_ record: ParsedRecord, detection: SchemaDetection) {
        guard let root = record.rootObject else { return nil }
        func value(_ name: String) -> Int? { record.value(forKey: name, in: root) }
        switch detection.schema {
        case .messages, .sharegpt:
            guard let list = value(detection.schema == .messages ? "messages" : "conversations"),
                  split(conversation: list, record) else { return nil }
        case .alpaca:
            prompt = ["system", "instruction", "input"].compactMap(value)
            answer = value("output").map { [$0] } ?? []
        case .promptCompletion:
            prompt = value("prompt").map { [$0] } ?? []
            answer = (value("completion") ?? value("response")).map { [$0] } ?? []
        case .preference:
            prompt = value("prompt").map { [$0] } ?? []
            answer = value("chosen").map { [$0] } ?? []
            verdict = value("rejected").map { [$0] } ?? []
            rule = .swappedPreference
        case .reward:
            if let text = value("prompt") {
                prompt = [text]
                answer = (value("response") ?? value("completion")).map { [$0] } ?? []
            } else if let list = value("messages") {
                guard split(conversation: list, record) else { return nil }
            }
            verdict = (value("score") ?? value("reward")).map { [$0] } ?? []
            rule = .differentScore
        case .text, .unknown:
            return nil
        }
        guard !prompt.isEmpty, !answer.isEmpty else { return nil }
    }

    /// Splits a message list at its last assistant turn: the turns before it are the prompt, it is the answer.
    private mutating func split(conversation list: Int, _ record: ParsedRecord) -> Bool {
        guard record[list].kind == .array else { return false }
        let turns = ConversationTurns.turns(of: list, in: record)
        guard let last = turns.lastIndex(where: { ConversationTurns.isAssistant($0, in: record) }), last > 0 else { return false }
        prompt = turns[..<last].map(\.message)
        answer = [turns[last].message]
        return true
    }
}
