import MultiPatternScanning

/// A cheap pattern run over the raw bytes of every line (JSON escapes and all), and the detectors whose precise
/// patterns run on a string it fires in.
///
/// Triggers decide the cost of the common path, so each is as cheap for Vectorscan as it can be: a literal
/// where there is one, short classes, no long bounded repeats. They are looser than what they stand for and
/// may fire on text that holds nothing (a date, `std::`); the precise pass sorts that out, on that string only.
/// A trigger must fire wherever its detectors can match in the decoded text; escapes can only break that for
/// text spelled with `\u` escapes of ASCII characters, which JSON writers do not produce.
struct Trigger: Sendable {
    let expression: String
    let detectors: DetectorSet

    static let all: [Trigger] = builtIn + contextual

    private static let builtIn: [Trigger] = [
        // A local part ends in a letter, digit or underscore in practice; "%@example.com" in SQL does not fire.
        Trigger(#"[A-Za-z0-9_]@[A-Za-z0-9\x80-\xff]"#, [.email]),
        // Digit groups: cards (13+ digits, grouped by four or not at all) and IBANs (printed in groups of four,
        // or compact with at least eight digits in a row in every country's format).
        Trigger(#"\d{4}[ -]\d{4}"#, [.card, .iban, .phone]),
        Trigger(#"\d{8}"#, [.card, .iban, .phone]),
        // Phone numbers: international, area codes in parentheses, groups of three and more (US, UK, DE, IN,
        // BR, JP, CN national forms), pairs (FR).
        Trigger(#"\+\d"#, [.phone]),
        Trigger(#"\(\d{2,5}\)"#, [.phone]),
        // Three, three, then two more digits: a national number is ten digits or more ("555-1234" is not one).
        Trigger(#"\d{3}[ .-]\d{3}[ .-]?\d\d"#, [.phone]),
        Trigger(#"\d\d[ .]\d\d[ .]\d\d[ .]\d\d"#, [.phone]),
        Trigger(#"\d{3}-\d\d-\d{4}"#, [.ssnFormatted]),
        Trigger(#"(?i)ssn|social.security"#, [.ssnFormatted, .ssnBare]),
        Trigger(#"(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{4}"#, [.awsAccessKey]),
        Trigger(#"gh[pousr]_[A-Za-z0-9]{4}|github_pat_"#, [.githubToken]),
        Trigger(#"glpat-"#, [.gitlabToken]),
        Trigger(#"xox[abposr]-"#, [.slackToken]),
        Trigger(#"[rs]k_(?:live|test)_"#, [.stripeKey]),
        Trigger(#"AIza[0-9A-Za-z_-]{4}"#, [.googleAPIKey]),
        Trigger(#"sk-[A-Za-z0-9_-]{4}"#, [.skKey]),
        Trigger(#"PRIVATE KEY"#, [.privateKey]),
        Trigger(#"eyJ[A-Za-z0-9_-]{4}"#, [.jwt]),
        Trigger(#"\d\.\d{1,3}\.\d{1,3}\.\d"#, [.ipv4]),
        // "::" with hex on one side, but not `std::collections` or `HashMap::new`.
        Trigger(#"::[0-9A-Fa-f]{1,4}[^0-9A-Za-z_]|[^0-9A-Za-z_][0-9A-Fa-f]{1,4}::"#, [.ipv6]),
        Trigger(#":[0-9A-Fa-f]{2,4}:[0-9A-Fa-f]"#, [.ipv6, .mac]),
        Trigger(#"-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-"#, [.mac]),
        Trigger(#"(?i)(?:key|secret|token|passw(?:or)?d|pwd|credentials?)\\?["']?\s{0,3}(?:=>|:=|[:=])"#, [.assignment]),
        Trigger(#":\\?/\\?/[^\s/@:"\\]+:[^\s/@"]+@"#, [.urlCredentials]),
    ]

    init(_ expression: String, _ detectors: DetectorSet) {
        self.expression = expression
        self.detectors = detectors
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

/// The trigger database, compiled once per process (some 60 ms), immutable and
/// shared by every thread (each with its own scratch, see `ThreadScratch`).
enum TriggerDatabase {
    static let shared: PatternDatabase = {
        do {
            return try PatternDatabase(Trigger.all.enumerated().map {
                Pattern(id: UInt32($0.offset), expression: $0.element.expression)
            })
        } catch {
            // The expressions are constants and a test compiles them: this is a programming error.
            preconditionFailure("PII trigger patterns do not compile: \(error)")
        }
    }()
}
