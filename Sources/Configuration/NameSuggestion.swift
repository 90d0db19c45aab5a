/// "Did you mean …?" for misspelt keys, section names, stage names and codes.
enum NameSuggestion {
    /// The candidate closest to `name` by edit distance, if it is close enough to be a plausible typo: at most
    /// one edit for short names, and at most a third of the name's length for longer ones.
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let allowed = max(1, name.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(Array(name), Array(candidate))
            if distance <= allowed && distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// `"; did you mean 'select'?"`, or nothing when no candidate is close.
    static func clause(for name: String, among candidates: some Sequence<String>,
                       quote: (String) -> String = { "'\($0)'" }) -> String {
        closest(to: name, among: candidates).map { "; did you mean \(quote($0))?" } ?? ""
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of adjacent
    /// characters each cost 1, since a swap (`slect` → `selct`) is the most common typo of all.
    static func editDistance(_ source: [Character], _ target: [Character]) -> Int {
        if source.isEmpty || target.isEmpty { return max(source.count, target.count) }
        var previousRow: [Int] = []
        var row = Array(0...target.count)
        for i in 1...source.count {
            let rowBefore = previousRow
            previousRow = row
            row = [i] + Array(repeating: 0, count: target.count)
            for j in 1...target.count {
                let substitution = previousRow[j - 1] + (source[i - 1] == target[j - 1] ? 0 : 1)
                row[j] = min(previousRow[j] + 1, row[j - 1] + 1, substitution)
                if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
                    row[j] = min(row[j], rowBefore[j - 2] + 1)
                }
            }
        }
        return row[target.count]
    }
}
