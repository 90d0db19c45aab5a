import MultiPatternScanning

/// The kinds of candidate the stage validates. Each has a *precise* expression, run with leftmost starts over
/// the decoded bytes of a string that a trigger (`Trigger`) marked for it, whose matches go to a validator.
enum Detector: UInt32, CaseIterable, Sendable {
    case email
    case card
    case iban
    case ssnFormatted
    /// Nine unformatted digits, reported only when the string also says "SSN" or "social security" (the
    /// validator looks); the trigger is eight digits in a row.
    case ssnBare
    case awsAccessKey
    case githubToken
    case gitlabToken
    case slackToken
    case stripeKey
    case googleAPIKey
    /// `sk-…`: OpenAI and Anthropic keys.
    case skKey
    case privateKey
    case jwt
    case ipv4
    case ipv6
    case mac
    case urlCredentials
    case phone
    /// A value introduced by a label that says what it is: a high-entropy value assigned to a name like api_key,
    /// secret, token or password (`LabelledValue.swift`), or a date after "born", "date of birth", "DOB"….
    case assignment

    var precise: String {
        switch self {
        // Starts at "@" (a literal start keeps leftmost-start tracking cheap); the validator walks back over
        // the local part. Labels are bounded (DNS allows 63 bytes): with unbounded ones, Vectorscan 5.4.9's
        // leftmost-start tracking drops later addresses in a string after an "@host.tld/path".
        case .email: #"@[A-Za-z0-9\x80-\xff-]{1,63}(?:\.[A-Za-z0-9\x80-\xff-]{1,63})+"#
        case .card: #"\d(?:[ -]?\d){11,18}"#
        case .iban: #"[A-Z]{2}\d\d(?: ?[A-Z0-9]){11,30}"#
        case .ssnFormatted: #"\d{3}[- ]\d\d[- ]\d{4}"#
        case .ssnBare: #"\d{9}"#
        case .awsAccessKey: #"(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16,}"#
        case .githubToken: #"gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}"#
        case .gitlabToken: #"glpat-[A-Za-z0-9_-]{20,}"#
        case .slackToken: #"xox[abposr]-[0-9A-Za-z-]{10,}"#
        case .stripeKey: #"[rs]k_(?:live|test)_[0-9A-Za-z]{16,}"#
        case .googleAPIKey: #"AIza[0-9A-Za-z_-]{35,}"#
        case .skKey: #"sk-[A-Za-z0-9_-]{20,}"#
        case .privateKey: #"-----BEGIN[A-Z ]{0,20} PRIVATE KEY-----"#
        case .jwt: #"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)?"#
        case .ipv4: #"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}"#
        case .ipv6: #"[0-9A-Fa-f:]*:[0-9A-Fa-f]*:[0-9A-Fa-f:.]*"#
        // Six pairs, or Cisco's three dotted groups of four.
        case .mac: #"[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}"#
        // Starts at "://"; the validator walks back over the scheme.
        // An optional "+" or "(", then digits with spaces, dots, hyphens and parentheses between them.
        case .phone: #"[+(]?\d[\d ().-]{5,20}\d"#
        case .assignment: LabelledValue.expression
        case .urlCredentials: #"://[^\s/@:"]{1,64}:[^\s/@"]{1,128}@[A-Za-z0-9.\[\]:-]+"#
        }
    }
}

/// One precise database per detector, each compiled the first time a trigger calls for it (a `static let`
/// is initialized once, thread-safely): compiling all of them costs some 30 ms, and most files need few.
enum PreciseDatabase {
    static func database(for detector: Detector) -> PatternDatabase {
        switch detector {
        case .email: email
        case .card: card
        case .iban: iban
        case .ssnFormatted: ssnFormatted
        case .ssnBare: ssnBare
        case .awsAccessKey: awsAccessKey
        case .githubToken: githubToken
        case .gitlabToken: gitlabToken
        case .slackToken: slackToken
        case .stripeKey: stripeKey
        case .googleAPIKey: googleAPIKey
        case .skKey: skKey
        case .privateKey: privateKey
        case .jwt: jwt
        case .ipv4: ipv4
        case .ipv6: ipv6
        case .mac: mac
        case .urlCredentials: urlCredentials
        case .phone: phone
        case .assignment: assignment
        }
    }

    private static let email = compile(.email)
    private static let card = compile(.card)
    private static let iban = compile(.iban)
    private static let ssnFormatted = compile(.ssnFormatted)
    private static let ssnBare = compile(.ssnBare)
    private static let awsAccessKey = compile(.awsAccessKey)
    private static let githubToken = compile(.githubToken)
    private static let gitlabToken = compile(.gitlabToken)
    private static let slackToken = compile(.slackToken)
    private static let stripeKey = compile(.stripeKey)
    private static let googleAPIKey = compile(.googleAPIKey)
    private static let skKey = compile(.skKey)
    private static let privateKey = compile(.privateKey)
    private static let jwt = compile(.jwt)
    private static let ipv4 = compile(.ipv4)
    private static let ipv6 = compile(.ipv6)
    private static let mac = compile(.mac)
    private static let urlCredentials = compile(.urlCredentials)
    private static let phone = compile(.phone)
    private static let assignment = compile(.assignment)

    private static func compile(_ detector: Detector) -> PatternDatabase {
        do {
            // Cached on disk like the triggers: some precise expressions take tens of milliseconds to compile.
            let patterns = [Pattern(id: detector.rawValue, expression: detector.precise, flags: [.leftmostStart])]
            return try PatternDatabaseCache.user?.database(for: patterns) ?? PatternDatabase(patterns)
        } catch {
            preconditionFailure("PII pattern for \(detector) does not compile: \(error)")
        }
    }
}
