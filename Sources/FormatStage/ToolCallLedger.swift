import Diagnostics
import RecordScanner

/// The tool calls an assistant made so far in a conversation, so each tool answer can be matched to one.
struct ToolCallLedger {
    private var ids: [String: Int] = [:]

    mutating func record(calls: Int, in inspection: inout RecordInspection) {
        let record = inspection.record
        guard record[calls].kind == .array else {
            inspection.report(.toolCallShape, "'tool_calls' must be a list, found \(inspection.kindName(calls))", node: calls)
            return
        }
        for call in record.elements(of: calls) {
            guard record[call].kind == .object else {
                inspection.report(.toolCallShape, "a tool call must be an object, found \(inspection.kindName(call))", node: call)
                continue
            }
            checkCall(call, in: &inspection)
        }
    }

    private mutating func checkCall(_ call: Int, in inspection: inout RecordInspection) {
        let record = inspection.record
        let brace = record[call].start..<(record[call].start + 1)
        if let id = record.value(forKey: "id", in: call), record[id].kind == .string {
            ids[record.string(id)] = id
        } else {
            inspection.report(.toolCallShape, "tool call has no string 'id', so no tool message can answer it", span: brace)
        }
        if let type = record.value(forKey: "type", in: call), !(record[type].kind == .string && record.keyEquals(type, "function")) {
            inspection.report(.toolCallShape, "tool call 'type' must be \"function\"", node: type)
        }
        guard let function = record.value(forKey: "function", in: call), record[function].kind == .object else {
            inspection.report(.toolCallShape, "tool call has no 'function' object with a name and arguments", span: brace)
            return
        }
        let name = record.value(forKey: "name", in: function)
        if name.map({ record[$0].kind != .string || record.isBlankString($0) }) ?? true {
            inspection.report(.toolCallShape, "tool call function has no name", node: name ?? function)
        }
        checkArguments(record.value(forKey: "arguments", in: function), function: function, in: &inspection)
    }

    /// Arguments are a JSON object *encoded as a string*; a bare object is the commonest mistake.
    private func checkArguments(_ arguments: Int?, function: Int, in inspection: inout RecordInspection) {
        let record = inspection.record
        guard let arguments else {
            inspection.report(.toolArguments, "tool call function has no 'arguments'", node: function)
            return
        }
        guard record[arguments].kind == .string else {
            let hint = record[arguments].kind == .object ? ": encode the object as a JSON string" : ""
            inspection.report(.toolArguments, "'arguments' must be a string holding a JSON object, found \(inspection.kindName(arguments))\(hint)", node: arguments)
            return
        }
        var scanner = RecordScanner()
        let inner = scanner.scan(record.decodedBytes(arguments))
        if let error = inner.syntaxError {
            inspection.report(.toolArguments, "'arguments' is not valid JSON: \(error.message) (at character \(error.offset + 1) of the decoded string)", node: arguments)
        } else if inner.rootObject == nil {
            inspection.report(.toolArguments, "'arguments' must encode a JSON object, found \(inner[0].kind.nameWithArticle)", node: arguments)
        }
    }

    func checkAnswer(_ idNode: Int?, message: Int, in inspection: inout RecordInspection) {
        let record = inspection.record
        guard let idNode, record[idNode].kind == .string else {
            inspection.report(.orphanToolMessage, "tool message has no string 'tool_call_id' naming the call it answers",
                              span: record[message].start..<(record[message].start + 1))
            return
        }
        let id = record.string(idNode)
        guard ids[id] == nil else { return }
        var message = "tool message answers \"\(id)\", but no earlier assistant message made a tool call with that id"
        if let suggestion = Suggestion.closest(to: id, in: Array(ids.keys)) { message += "; did you mean \"\(suggestion)\"?" }
        inspection.report(.orphanToolMessage, message, node: idNode)
    }
}
