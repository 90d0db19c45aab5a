/// Hides a value's letters and digits but the last few, keeping its shape: separators stay where they were.
enum Masking {
    static func mask(_ value: String, kind: SensitiveKind, keepLast: Int) -> String {
        if kind == .email, let at = value.lastIndex(of: "@") {
            // The domain says little about a person and much about the data's origin; the mailbox is hidden.
            let local = value[..<at]
            return String(local.prefix(1)) + String(repeating: "*", count: max(0, local.count - 1)) + value[at...]
        }
        let total = value.count { $0.isLetter || $0.isNumber }
        var seen = 0
        return String(value.map { character -> Character in
            guard character.isLetter || character.isNumber else { return character }
            seen += 1
            return seen > total - keepLast ? character : "*"
        })
    }
}
