import MultiPatternScanning

/// A cheap pattern run over the raw bytes of a line (JSON escapes and all), and the detectors whose precise
/// patterns run on a string it fires in.
///
/// Triggers decide the cost of the common path. They are looser than what they stand for and may fire on text
/// that holds nothing (a date, `std::`); the precise pass sorts that out, on that string only. A trigger must
/// fire wherever its detectors can match in the decoded text; escapes can only break that for text spelled with
/// `\u` escapes of ASCII characters, which JSON writers do not produce.
///
/// There are two kinds, because Vectorscan is fast on the one and slow on the other. A *literal* trigger starts
/// with a literal (`@`, `AKIA`, `eyJ`, a keyword) and runs over every line: all of them together scan at
/// 3.7 GB/s. A *shaped* trigger is made of character classes only (digits, hex, separators: cards, phones,
/// IP and MAC addresses); added to the same database they brought it down to 1.2 GB/s, most of the pii
/// stage's cost. So shaped triggers run only inside the regions a SIMD prefilter (`ShapeRegions`) finds
/// where such characters cluster, and the prefilter is a superset test for every one of them.
struct Trigger: Sendable {
    enum Kind: Sendable {
        case literal
        case shaped
    }

    let expression: String
    let detectors: DetectorSet
    let kind: Kind

    /// Every trigger; a trigger's id in either database is its index here.
    static let all: [Trigger] = literal + shaped + contextual

    private static let literal: [Trigger] = [
        Trigger(#"(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{4}"#, [.awsAccessKey]),
        Trigger(#"gh[pousr]_[A-Za-z0-9]{4}|github_pat_"#, [.githubToken]),
        Trigger(#"glpat-"#, [.gitlabToken]),
        Trigger(#"xox[abposr]-"#, [.slackToken]),
        Trigger(#"[rs]k_(?:live|test)_"#, [.stripeKey]),
        Trigger(#"AIza[0-9A-Za-z_-]{4}"#, [.googleAPIKey]),
        Trigger(#"sk-[A-Za-z0-9_-]{4}"#, [.skKey]),
        Trigger(#"PRIVATE KEY"#, [.privateKey]),
        Trigger(#"eyJ[A-Za-z0-9_-]{4}"#, [.jwt]),
        Trigger(#"(?i)(?:key|secret|token|passw(?:or)?d|pwd|credentials?)\\?["']?\s{0,3}(?:=>|:=|[:=])"#, [.assignment]),
        Trigger(#":\\?/\\?/[^\s/@:"\\]+:[^\s/@"]+@"#, [.urlCredentials]),
    ]

    /// Each at most 15 bytes long, which the prefilter's margins rely on; `ShapeRegionsTests` checks that the
    /// prefilter finds every match of each.
    private static let shaped: [Trigger] = [
        // A local part ends in a letter, digit or underscore in practice; "%@example.com" in SQL does not fire.
        // A domain may be written with `\u` escapes. (Single-byte literals like "@" and "+" made Vectorscan's
        // literal pass twice as slow; the prefilter finds them for free.)
        Trigger(#"[A-Za-z0-9_]@[A-Za-z0-9\x80-\xff]|[A-Za-z0-9_]@\\u[0-9A-Fa-f]{4}"#, [.email], .shaped),
        // International phone numbers.
        Trigger(#"\+\d"#, [.phone], .shaped),
        // Digit groups: cards (13+ digits, grouped by four or not at all) and IBANs (printed in groups of four,
        // or compact with at least eight digits in a row in every country's format).
        Trigger(#"\d{4}[ -]\d{4}"#, [.card, .iban, .phone], .shaped),
        // Eight digits in a row also start a bare SSN, whose validator wants "SSN" or "social security" in the
        // string. (Those words as a literal trigger cost a fifth of the literal pass: short, caseless, and common
        // as parts of words.)
        Trigger(#"\d{8}"#, [.card, .iban, .phone, .ssnBare], .shaped),
        // Phone numbers: area codes in parentheses, groups of three and more (US, UK, DE, IN, BR, JP, CN national
        // forms), pairs (FR). Three, three, then two more digits: a national number is ten digits or more
        // ("555-1234" is not one).
        Trigger(#"\(\d{2,5}\)"#, [.phone], .shaped),
        Trigger(#"\d{3}[ .-]\d{3}[ .-]?\d\d"#, [.phone], .shaped),
        Trigger(#"\d\d[ .]\d\d[ .]\d\d[ .]\d\d"#, [.phone], .shaped),
        // SSNs with hyphens, or with spaces (which the validator accepts only next to "SSN" or "social security").
        Trigger(#"\d{3}[- ]\d\d[- ]\d{4}"#, [.ssnFormatted], .shaped),
        Trigger(#"\d\.\d{1,3}\.\d{1,3}\.\d"#, [.ipv4], .shaped),
        // "::" with hex on one side, but not `std::collections` or `HashMap::new`.
        Trigger(#"::[0-9A-Fa-f]{1,4}[^0-9A-Za-z_]|[^0-9A-Za-z_][0-9A-Fa-f]{1,4}::"#, [.ipv6], .shaped),
        Trigger(#"[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2,4}:[0-9A-Fa-f]"#, [.ipv6, .mac], .shaped),
        Trigger(#"-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-"#, [.mac], .shaped),
        // Cisco's dotted form.
        Trigger(#"[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}"#, [.mac], .shaped),
    ]

    init(_ expression: String, _ detectors: DetectorSet, _ kind: Kind = .literal) {
        self.expression = expression
        self.detectors = detectors
        self.kind = kind
    }
}

/// A set of detectors as a bit mask (bit = raw value).
struct DetectorSet: OptionSet, Sendable, Hashable, ExpressibleByArrayLiteral {
    var rawValue: UInt32

    init(rawValue: UInt32) { self.rawValue = rawValue }

    init(arrayLiteral detectors: Detector...) {
        rawValue = 0
        for detector in detectors { insert(detector) }
    }

    mutating func insert(_ detector: Detector) { rawValue |= 1 << detector.rawValue }
    func contains(_ detector: Detector) -> Bool { rawValue & (1 << detector.rawValue) != 0 }
}

/// The two trigger databases, made once per process, immutable and shared by every thread (each with its own
/// scratches, see `ThreadScratch`). Compiling them takes some 40 ms, so they are kept in the user's cache
/// directory and loaded from there by later processes.
enum TriggerDatabase {
    static let literal = compile(.literal)
    static let shaped = compile(.shaped)

    private static func compile(_ kind: Trigger.Kind) -> PatternDatabase {
        do {
            let patterns = Trigger.all.enumerated().filter { $0.element.kind == kind }.map {
                Pattern(id: UInt32($0.offset), expression: $0.element.expression)
            }
            return try PatternDatabaseCache.user?.database(for: patterns) ?? PatternDatabase(patterns)
        } catch {
            // The expressions are constants and a test compiles them: this is a programming error.
            preconditionFailure("PII trigger patterns do not compile: \(error)")
        }
    }
}
