import Diagnostics
import RecordScanner

/// Explains a record that matches no schema, suggesting the schema key it most likely misspells.
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
        for key in keys {
            let name = record.string(key)
            guard let suggestion = Suggestion.closest(to: name, in: schemaKeys) else { continue }
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
}
