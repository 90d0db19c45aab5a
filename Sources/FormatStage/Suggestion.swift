/// "Did you mean" suggestions for misspelt roles and keys.
enum Suggestion {
    /// The candidate closest to `word`: an exact match ignoring case, a known synonym, or one within an edit
    /// distance of two (one for short words, so that `tool` does not suggest `user`).
    static func closest(to word: String, in candidates: [String], synonyms: [String: String] = [:]) -> String? {
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        if let synonym = synonyms[lowered], candidates.contains(synonym) { return synonym }
        let limit = lowered.count <= 4 ? 1 : 2
        let scored = candidates.map { (candidate: $0, distance: editDistance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit else { return nil }
        return best.candidate
    }

    /// Damerau–Levenshtein distance (with adjacent transpositions, the commonest typo: `assitant`).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// Role names people use for the standard roles.
    static let roleSynonyms = [
        "human": "user", "gpt": "assistant", "bot": "assistant", "model": "assistant", "ai": "assistant",
        "chatbot": "assistant", "sys": "system", "function_response": "tool", "observation": "tool",
    ]

    static let shareGPTSynonyms = [
        "user": "human", "assistant": "gpt", "model": "gpt", "bot": "gpt", "ai": "gpt", "chatgpt": "gpt",
    ]
}
