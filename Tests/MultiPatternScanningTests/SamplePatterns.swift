import MultiPatternScanning

/// Prefilter patterns of the kind the `pii` stage will compile: cheap shapes that candidates must have before
/// a validator (Luhn, libphonenumber, the PSL) looks at them.
enum SamplePatterns {
    static let email: UInt32 = 1
    static let awsAccessKey: UInt32 = 2
    static let gitHubToken: UInt32 = 3
    static let openAIKey: UInt32 = 4
    static let pemBlock: UInt32 = 5
    static let ipv4: UInt32 = 6
    static let cardDigits: UInt32 = 7

    static let all: [Pattern] = [
        Pattern(id: email, expression: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#,
                flags: [.leftmostStart]),
        Pattern(id: awsAccessKey, expression: #"AKIA[0-9A-Z]{16}"#, flags: [.leftmostStart]),
        Pattern(id: gitHubToken, expression: #"ghp_[A-Za-z0-9]{36}"#, flags: [.leftmostStart]),
        Pattern(id: openAIKey, expression: #"sk-[A-Za-z0-9_-]{20,}"#),
        Pattern(id: pemBlock, expression: #"-----BEGIN [A-Z ]+-----"#, flags: [.leftmostStart]),
        Pattern(id: ipv4, expression: #"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b"#, flags: [.leftmostStart]),
        Pattern(id: cardDigits, expression: #"\b\d(?:[ -]?\d){12,18}\b"#),
    ]
}
