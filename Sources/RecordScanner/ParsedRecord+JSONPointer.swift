/// Finding a value by JSON Pointer (RFC 6901): how plugins name the place of a finding.
extension ParsedRecord {
    /// The node `pointer` refers to ("" is the root, "/messages/1/content" a value), or nil when it names nothing
    /// in this record or is not a valid pointer.
    public func node(atPointer pointer: String) -> Int? {
        guard isValidJSON else { return nil }
        if pointer.isEmpty { return 0 }
        guard pointer.hasPrefix("/") else { return nil }
        var node = 0
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch self[node].kind {
            case .object:
                guard let member = members(of: node).first(where: { keyEquals($0.key, token) }) else { return nil }
                node = member.value
            case .array:
                guard let index = Int(token), String(index) == token, index >= 0 else { return nil }
                guard let element = elements(of: node).dropFirst(index).first(where: { _ in true }) else { return nil }
                node = element
            default:
                return nil
            }
        }
        return node
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard contains(target) else { return String(self) }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension StringProtocol {
    fileprivate func range(of target: String) -> Range<Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) { return index..<self.index(index, offsetBy: target.count) }
            index = self.index(after: index)
        }
        return nil
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        self[...].replacingOccurrences(of: target, with: replacement)
    }
}
