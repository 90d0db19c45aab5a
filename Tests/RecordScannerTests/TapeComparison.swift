#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Jansson
import RecordScanner

/// Compares the scanner's tape of a line with jansson's decoding of it: same structure, same decoded strings,
/// same numbers, and container spans that start and end on their brackets. Catches what a verdict alone
/// would not: a wrong `next` index, a span off by one, a mis-decoded escape.
enum TapeComparison {
    /// A description of the first difference, or nil when the two agree.
    static func difference(between record: ParsedRecord, and root: JSONValue) -> String? {
        var pending: [(node: Int, value: JSONValue)] = [(0, root)]
        let line = Array(record.lineBytes)
        while let (index, value) = pending.popLast().map({ ($0.node, $0.value) }) {
            let node = record[index]
            switch (node.kind, value) {
            case (.object, .object(let object)):
                guard line[node.start] == UInt8(ascii: "{"), line[node.end - 1] == UInt8(ascii: "}") else {
                    return "object node \(index) has span \(node.span)"
                }
                // jansson keeps a repeated key at its first position with its last value.
                var keys: [String] = []
                var values: [Int] = []
                var positions: [String: Int] = [:]
                for member in record.members(of: index) {
                    let key = record.string(member.key)
                    if let position = positions[key] {
                        values[position] = member.value
                    } else {
                        positions[key] = keys.count
                        keys.append(key)
                        values.append(member.value)
                    }
                }
                guard keys == object.keys else { return "object node \(index): keys \(keys) vs \(object.keys)" }
                for (valueNode, member) in zip(values, object) { pending.append((valueNode, member.value)) }
            case (.array, .array(let elements)):
                guard line[node.start] == UInt8(ascii: "["), line[node.end - 1] == UInt8(ascii: "]") else {
                    return "array node \(index) has span \(node.span)"
                }
                let children = Array(record.elements(of: index))
                guard children.count == elements.count else {
                    return "array node \(index): \(children.count) elements vs \(elements.count)"
                }
                pending.append(contentsOf: zip(children, elements).map { ($0, $1) })
            case (.string, .string(let string)):
                guard record.string(index) == string else { return "string node \(index) decodes differently" }
            case (.number, _):
                let text = record.rawText(index)
                let expected: JSONValue = text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
                    ? .real(strtod(text, nil)) : Int64(text).map { .integer($0) } ?? .null
                guard expected == value else { return "number node \(index) '\(text)' vs \(value)" }
            case (.trueLiteral, .bool(true)), (.falseLiteral, .bool(false)), (.null, .null):
                break
            default:
                return "node \(index) is \(node.kind) but jansson has \(value)"
            }
        }
        return nil
    }
}
