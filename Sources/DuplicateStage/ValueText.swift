import RecordScanner
import TextNormalization

/// The normalized text a record carries: its scalar values (decoded strings, numbers and literals as written), in
/// document order, each normalized on its own and joined by line breaks. Object keys are left out, so two records
/// that say the same thing compare equal however their JSON is laid out.
///
/// Each value is normalized once, and remembers where it landed, so the prompt and the answer of the record are
/// hashed from slices of the same text instead of being normalized again.
struct ValueText {
    private(set) var bytes: [UInt8] = []
    /// For each value that normalized to something: its node and its bytes in `bytes`, in document order.
    private var nodes: [Int] = []
    private var ranges: [Range<Int>] = []

    init(of root: Int, in record: ParsedRecord, normalizer: Normalizer) {
        append(root, of: record, normalizer)
    }

    private mutating func append(_ node: Int, of record: ParsedRecord, _ normalizer: Normalizer) {
        switch record[node].kind {
        case .object:
            for member in record.members(of: node) { append(member.value, of: record, normalizer) }
        case .array:
            for element in record.elements(of: node) { append(element, of: record, normalizer) }
        case .string:
            add(normalizer.normalize(record.decodedBytes(node)), node: node)
        case .number, .trueLiteral, .falseLiteral, .null:
            add(record.withLineBytes { normalizer.normalize($0[record[node].span]) }, node: node)
        }
    }

    private mutating func add(_ value: [UInt8], node: Int) {
        guard !value.isEmpty else { return }
        if !bytes.isEmpty { bytes.append(0x0A) }
        nodes.append(node)
        ranges.append(bytes.count..<(bytes.count + value.count))
        bytes.append(contentsOf: value)
    }

    /// The text of the values inside the subtrees of `parts` (nodes of the record), joined like the whole text.
    func text(of parts: [Int], in record: ParsedRecord) -> [UInt8] {
        var text: [UInt8] = []
        for part in parts {
            let subtree = part..<max(record[part].next, part + 1)
            var position = lowerBound(subtree.lowerBound)
            while position < nodes.count && subtree.contains(nodes[position]) {
                if !text.isEmpty { text.append(0x0A) }
                text.append(contentsOf: bytes[ranges[position]])
                position += 1
            }
        }
        return text
    }

    private func lowerBound(_ node: Int) -> Int {
        var low = 0, high = nodes.count
        while low < high {
            let middle = (low + high) / 2
            if nodes[middle] < node { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
