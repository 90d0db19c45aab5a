import Diagnostics

/// Every code of the `pii/…` and `secret/…` families. Raw values are the stable codes users write in
/// configuration.
///
/// A code has one default severity (PII a warning, credentials an error); a hit that is certainly not personal
/// data — an address at a reserved example domain, a private or documentation IP range, a published test card
/// or key — is reported under the same code with severity info.
public enum PIICode: String, DiagnosticCodeFamily {
    case email = "pii/email"
    case phone = "pii/phone"
    case paymentCard = "pii/payment-card"
    case iban = "pii/iban"
    case ssn = "pii/ssn"
    case ipAddress = "pii/ip-address"
    case macAddress = "pii/mac-address"
    case urlCredentials = "pii/url-credentials"
    case dateOfBirth = "pii/date-of-birth"
    case awsAccessKey = "secret/aws-access-key"
    case awsSecretKey = "secret/aws-secret-key"
    case githubToken = "secret/github-token"
    case gitlabToken = "secret/gitlab-token"
    case slackToken = "secret/slack-token"
    case stripeKey = "secret/stripe-key"
    case googleAPIKey = "secret/google-api-key"
    case openAIKey = "secret/openai-key"
    case anthropicKey = "secret/anthropic-key"
    case privateKey = "secret/private-key"
    case jwt = "secret/jwt"
    case highEntropy = "secret/high-entropy"

    public var defaultSeverity: Severity {
        switch self {
        case .email, .phone, .paymentCard, .iban, .ssn, .ipAddress, .macAddress, .dateOfBirth: .warning
        default: .error
        }
    }

    /// The typed placeholder the quick fix puts in place of a hit.
    public var placeholder: String {
        switch self {
        case .email: "[EMAIL]"
        case .phone: "[PHONE]"
        case .paymentCard: "[CARD]"
        case .iban: "[IBAN]"
        case .ssn: "[SSN]"
        case .ipAddress: "[IP]"
        case .macAddress: "[MAC]"
        case .urlCredentials: "[CREDENTIALS]"
        case .dateOfBirth: "[DATE]"
        case .privateKey: "[PRIVATE_KEY]"
        default: "[SECRET]"
        }
    }

    public var summary: String {
        switch self {
        case .email: "An email address (validated domain with a listed public suffix)."
        case .phone: "A phone number that is valid in its numbering plan (libphonenumber)."
        case .paymentCard: "A payment card number (issuer prefix and length, Luhn checksum)."
        case .iban: "An international bank account number (country length, mod-97 checksum)."
        case .ssn: "A US social security number (valid area, group and serial)."
        case .ipAddress: "An IPv4 or IPv6 address."
        case .macAddress: "A hardware (MAC) address."
        case .urlCredentials: "A URL with a user name and password embedded in it."
        case .dateOfBirth: "A date of birth (a valid past date that the text calls a birth date)."
        case .awsAccessKey: "An AWS access key id."
        case .awsSecretKey: "An AWS secret access key (40 random characters named as one)."
        case .githubToken: "A GitHub access token."
        case .gitlabToken: "A GitLab personal access token."
        case .slackToken: "A Slack token."
        case .stripeKey: "A Stripe live secret or restricted key."
        case .googleAPIKey: "A Google API key."
        case .openAIKey: "An OpenAI API key."
        case .anthropicKey: "An Anthropic API key."
        case .privateKey: "A PEM private key block."
        case .jwt: "A JSON Web Token (its header decodes to JSON with `alg`)."
        case .highEntropy: "A random-looking value assigned to a name like api_key, secret, token or password."
        }
    }
}
