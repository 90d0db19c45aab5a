import CPCRE2

/// Turns a tiktoken pattern (written for Rust's `regex`/`fancy-regex`) into PCRE2 patterns and compile options
/// that cut every text into the same pieces.
///
/// The syntax is the same; three meanings differ, and each is fixed here rather than by editing tiktoken's
/// pattern strings, so those stay comparable with tiktoken's source:
/// - `$` without the `m` flag matches only at the very end of the text in Rust; PCRE2's `$` also matches before
///   a final newline, unless `PCRE2_DOLLAR_ENDONLY` is set.
/// - Rust's `\s` is Unicode's White_Space property (25 characters); PCRE2's also holds U+180E (MONGOLIAN VOWEL
///   SEPARATOR, dropped from White_Space in Unicode 6.3). The exact translation spells `\s` and `\S` out.
/// - `\p{…}` follows each engine's Unicode tables; PCRE2 may have older ones, so the exact translation adds the
///   characters it lacks (`UnicodeAdditions`, generated from tiktoken itself) to each class.
///
/// Those additions make every class a long list of ranges that PCRE2 tests one by one on each character the
/// class does not hold, which more than halves the speed. Yet they only matter for text holding one of the
/// characters concerned (U+180E or a letter, digit or mark new since PCRE2's Unicode version), so there are two
/// translations: `exact` for such text and `fast` (tiktoken's pattern with only `$` fixed) for all other text;
/// `UnicodeAdditions.containsAffectedScalar` tells which. On text without those characters, both classify every
/// character alike and so cut it alike.
///
/// `Tests/TokenizationTests/Fixtures/unicode-classes.json` holds every class as tiktoken sees it, and a test
/// checks the exact translation against it on every code point.
enum PretokenizationPattern {
    /// Unicode's White_Space characters, as members of a character class.
    static let whiteSpaceMembers = #"\t-\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}"#

    /// The translation that agrees with tiktoken on any text.
    static func exact(_ pattern: String) -> (pattern: String, options: UInt32) {
        (translateClasses(pattern), UInt32(PCRE2_DOLLAR_ENDONLY))
    }

    /// The translation that agrees with tiktoken on text without `UnicodeAdditions.affectedScalars`.
    static func fast(_ pattern: String) -> (pattern: String, options: UInt32) {
        (pattern, UInt32(PCRE2_DOLLAR_ENDONLY))
    }

    /// `exact(_:)`, the one to use when in doubt.
    static func translate(_ pattern: String) -> (pattern: String, options: UInt32) { exact(pattern) }

    /// Rewrites `\s`, `\S` and `\p{…}`, inside and outside character classes; copies everything else.
    static func translateClasses(_ pattern: String) -> String {
        let characters = Array(pattern)
        var output = ""
        var inClass = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                let escaped = characters[index + 1]
                switch escaped {
                case "s":
                    output += inClass ? whiteSpaceMembers : "[" + whiteSpaceMembers + "]"
                    index += 2
                    continue
                case "S":
                    precondition(!inClass, "\\S inside a character class cannot be spelled out")
                    output += "[^" + whiteSpaceMembers + "]"
                    index += 2
                    continue
                case "p" where index + 2 < characters.count && characters[index + 2] == "{":
                    guard let close = characters[(index + 3)...].firstIndex(of: "}") else { break }
                    let property = String(characters[index...close])
                    let added = (UnicodeAdditions.ranges[property] ?? []).map { range in
                        range.lowerBound == range.upperBound
                            ? hex(range.lowerBound) : hex(range.lowerBound) + "-" + hex(range.upperBound)
                    }.joined()
                    output += inClass || added.isEmpty ? property + added : "[" + property + added + "]"
                    index = close + 1
                    continue
                default:
                    break
                }
                output.append(character)
                output.append(escaped)
                index += 2
                continue
            }
            if character == "[" && !inClass {
                inClass = true
            } else if character == "]" && inClass {
                inClass = false
            }
            output.append(character)
            index += 1
        }
        return output
    }

    private static func hex(_ codePoint: UInt32) -> String {
        #"\x{"# + String(codePoint, radix: 16, uppercase: true) + "}"
    }
}
