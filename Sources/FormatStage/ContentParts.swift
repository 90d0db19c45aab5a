import RecordScanner

/// OpenAI content given as a list of parts (`[{"type": "text", "text": "…"}, {"type": "image_url", …}]`).
enum ContentParts {
    static func check(_ list: Int, what: @autoclosure () -> String, allowBlank: Bool, in inspection: inout RecordInspection) {
        let record = inspection.record
        var texts: [Int] = []
        for part in record.elements(of: list) {
            guard record[part].kind == .object else {
                inspection.report(.contentType, "a content part must be an object with a 'type', found \(inspection.kindName(part))", node: part)
                continue
            }
            guard let type = record.value(forKey: "type", in: part), record[type].kind == .string else {
                inspection.report(.contentType, "content part has no string 'type'", span: record[part].start..<(record[part].start + 1))
                continue
            }
            guard record.keyEquals(type, "text") else { continue }
            guard let text = record.value(forKey: "text", in: part), record[text].kind == .string else {
                inspection.report(.contentType, "text content part needs a string 'text'", node: part)
                continue
            }
            texts.append(text)
        }
        if !allowBlank && record[list].count == 0 {
            inspection.report(.emptyContent, "\(what()) is an empty list of parts", node: list)
        } else if !allowBlank && !texts.isEmpty && texts.allSatisfy({ record.isBlankString($0) }) {
            inspection.report(.emptyContent, "every text part of \(what()) is blank", node: list)
        }
        for text in texts { inspection.checkText(text, what: what(), allowBlank: true) }
    }
}
