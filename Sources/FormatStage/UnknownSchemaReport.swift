import Diagnostics
import RecordScanner

/// Explains a record that matches no schema: the field a half-written schema lacks, or the schema key the
/// record most likely misspells.
enum UnknownSchemaReport {
    static let schemaKeys = ["messages", "conversations", "instruction", "output", "prompt", "completion",
                             "chosen", "rejected", "text"]

    static func report(root: Int, in inspection: inout RecordInspection) {
        let record = inspection.record
        let keys = record.members(of: root).map(\.key)
        guard !keys.isEmpty else {
            inspection.report(.unknownSchema, "empty object: no known schema (messages, conversations, instruction/output, prompt/completion, chosen/rejected, text)", node: root)
            return
        }
        if reportPartialSchema(keys: keys, in: &inspection) { return }
        for key in keys {
            let name = record.string(key)
            // A key spelt exactly right is not a typo; suggesting it again would read "did you mean 'x' instead of 'x'".
            guard let suggestion = Suggestion.closest(to: name, in: schemaKeys), suggestion != name else { continue }
            let code: FormatCode = suggestion == "messages" || suggestion == "conversations" ? .missingMessages : .unknownSchema
            inspection.report(code, "record has no '\(suggestion)'; did you mean '\(suggestion)' instead of '\(name)'?", node: key,
                              fixes: [inspection.replaceString(key, with: suggestion, title: "Rename '\(name)' to '\(suggestion)'")])
            return
        }
        let names = keys.prefix(5).map { "'\(record.string($0))'" }.joined(separator: ", ")
        let more = keys.count > 5 ? ", …" : ""
        inspection.report(.unknownSchema, "record matches no known schema (its keys: \(names)\(more)); expected messages, conversations, instruction/output, prompt/completion, chosen/rejected or text",
                          node: keys[0])
    }

    /// A record with some keys of the pair schemas but not enough of them to decide one (`prompt` without an
    /// answer, `chosen` without `rejected`) is missing a field rather than of an unknown schema: say which field,
    /// on the key that is there.
    private static func reportPartialSchema(keys: [Int], in inspection: inout RecordInspection) -> Bool {
        let record = inspection.record
        func key(_ name: String) -> Int? { keys.first { record.keyEquals($0, name) } }
        if let chosen = key("chosen") {
            inspection.report(.missingField, "preference record has 'chosen' but no 'rejected'", node: chosen)
            return true
        }
        if let rejected = key("rejected") {
            inspection.report(.missingField, "preference record has 'rejected' but no 'chosen'", node: rejected)
            return true
        }
        if let prompt = key("prompt") {
            inspection.report(.missingField, "record has a 'prompt' but no answer: add 'completion' (or 'response'), or 'chosen' and 'rejected' for a preference pair",
                              node: prompt)
            return true
        }
        if let answer = key("completion") ?? key("response") {
            inspection.report(.missingField, "record has '\(record.string(answer))' but no 'prompt'", node: answer)
            return true
        }
        return false
    }
}
