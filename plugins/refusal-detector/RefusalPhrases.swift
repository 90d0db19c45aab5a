// Refusal and boilerplate phrases, matched as whole words ignoring case, apostrophe style and runs of white space,
// anywhere in an assistant turn ("As an AI assistant" is not found in "Apple has an AI assistant").

/// The phrases found when the configuration names none.
let defaultRefusalPhrases = [
    "As an AI language model",
    "As an AI assistant",
    "As a large language model",
    "I cannot help with",
    "I can't help with",
    "I cannot assist with",
    "I can't assist with",
    "I'm sorry, but I can't",
    "I'm sorry, but I cannot",
    "I am sorry, but I cannot",
    "I'm unable to help with",
    "I cannot fulfill",
    "I can't fulfill",
    "I'm not able to provide",
    "It is not appropriate for me to",
]

struct RefusalPhrases {
    /// The phrases as configured (for messages) and in their matching form.
    private let phrases: [(original: String, folded: String)]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { ($0, Self.fold($0)) }
    }

    /// The first phrase that occurs in `text`, as configured.
    func firstMatch(in text: String) -> String? {
        let folded = Self.fold(text)
        return phrases.first { Self.occurs($0.folded, asWordsIn: folded) }?.original
    }

    private static func occurs(_ phrase: String, asWordsIn text: String) -> Bool {
        // A boundary matters only where the phrase itself starts or ends with a word character.
        let checkBefore = phrase.first.map(isWordCharacter) ?? false
        let checkAfter = phrase.last.map(isWordCharacter) ?? false
        return text.ranges(of: phrase).contains { range in
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            return !(checkBefore && before.map(isWordCharacter) == true)
                && !(checkAfter && after.map(isWordCharacter) == true)
        }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// Lowercased (Unicode-aware), typographic apostrophes as "'", white space runs as one space: "I’m  sorry"
    /// and "i'm sorry" are the same phrase.
    static func fold(_ text: String) -> String {
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        var inSpace = false
        for character in text.lowercased() {
            if character.isWhitespace {
                if !inSpace { folded.append(" ") }
                inSpace = true
                continue
            }
            inSpace = false
            switch character {
            case "\u{2019}", "\u{02BC}", "\u{2018}": folded.append("'")
            default: folded.append(character)
            }
        }
        return folded
    }
}
