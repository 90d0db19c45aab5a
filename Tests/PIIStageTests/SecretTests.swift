import Diagnostics
@testable import PIIStage
import Testing

/// Fake credentials in the real formats (random bodies; the GitHub one carries a valid checksum).
enum Fake {
    static let aws = "AKIAZ3MLQW7TRX5PBN2Q"
    static let github = "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"
    static let gitlab = "glpat-Xq7Rz2Lm9Tv4Wk8Np3Bc"
    static let slack = "xoxb-2048671234-5123498765432-Rk7Tq2Lm9Zx4Vb8Nw3Pc6Yd1"
    static let stripe = "sk_live_51St9cbMOeEeUtuieeCIxVc57VVTiY96"
    static let google = "AIza575yx8xm5MslfY5ubiheyEd7P4zDL_ak6J0"
    static let openAI = "sk-proj-J71fTquWoGsbeKXgzg2sT3BlbkFJye9b2Rann76dEyTzAeKO"
    static let openAILegacy = "sk-mXRrvftva9AW7hipTgadDZFlRJmCGmUXiAPyhzAnar3ZLt4b"
    static let anthropic = "sk-ant-api03-AxYmfsB4HbQLXjjlAFbVV6q9rXxtNDFyuzX9k1gnneGEYG1-LwiqD9jJBAciI05FhfwKVqlUr5Qrec8TAA"
    static let jwt = "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiMTIzNDU2Nzg5MCIsICJuYW1lIjogIkphbmUgUm9lIiwgImlhdCI6IDE1MTYyMzkwMjJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    static let pemBody = "MIIEowIBAAKCAQEA" + "RTk8j1d/bWWbjkloG1QX647kdNl9cDo/+GbVMszvR4/EPZGz3zBXCOArr/SfiJvo"
    static let pem = "-----BEGIN RSA PRIVATE KEY-----\n\(pemBody)\n-----END RSA PRIVATE KEY-----"

    static let all: [(String, PIICode)] = [
        (aws, .awsAccessKey), (github, .githubToken), (gitlab, .gitlabToken), (slack, .slackToken),
        (stripe, .stripeKey), (google, .googleAPIKey), (openAI, .openAIKey), (openAILegacy, .openAIKey),
        (anthropic, .anthropicKey), (jwt, .jwt), (pem, .privateKey),
    ]
}

@Test func everyKeyFormatIsReportedAsAnErrorOnItsExactRange() {
    for (secret, code) in Fake.all {
        guard let (diagnostic, text) = single("config: token = \(secret) # keep safe") else { continue }
        #expect(diagnostic.code == code.code, "\(secret)")
        #expect(diagnostic.severity == .error, "\(secret)")
        #expect(text == secret.replacingNewlines(), "\(secret)")
    }
}

@Test func messagesNeverRepeatASecret() {
    for (secret, _) in Fake.all {
        let found = check(chat("here: \(secret)"))
        #expect(found.count == 1)
        for diagnostic in found {
            #expect(!diagnostic.message.contains(secret))
            // Not even the secret's middle: at most 11 leading and 4 trailing characters are shown.
            let middle = String(secret.dropFirst(12).dropLast(5))
            #expect(!diagnostic.message.contains(middle), "\(diagnostic.message)")
        }
    }
}

@Test func githubChecksumRaisesConfidence() {
    guard let (valid, _) = single(Fake.github) else { return }
    #expect(valid.message.contains("checksum valid"))
    let broken = String(Fake.github.dropLast()) + "X"
    guard let (other, _) = single(broken) else { return }
    #expect(!other.message.contains("checksum valid"))
}

@Test func secretInsideToolCallArgumentsIsFoundThroughDoubleEscaping() {
    let line = #"{"messages": [{"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "deploy", "arguments": "{\"key\": \"\#(Fake.aws)\"}"}}]}]}"#
    let found = check(line)
    #expect(found.map(\.code) == [PIICode.awsAccessKey.code])
    if let diagnostic = found.first {
        #expect(covered(diagnostic, in: line) == Fake.aws)
        #expect(applyingFix(diagnostic, to: line).contains(#"\"key\": \"[SECRET]\""#))
    }
}

@Test func keyLikeWordsAndPlaceholdersAreNotSecrets() {
    #expect(codes("the task-management-system-design-doc is ready") == [])
    #expect(codes("sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx") == [])
    #expect(codes("set OPENAI_API_KEY=sk-your-key-here-replace-me") == [])
    #expect(codes("xoxb-your-bot-token-goes-here") == [])
    #expect(codes("AKIA is the prefix of AWS key ids") == [])
    #expect(codes("Replace AKIAXXXXXXXXXXXXXXXX with your own key.") == [])
    #expect(codes("export TOKEN=AKIAXXXXXXXXXXXXXXXX  # placeholder") == [])
    #expect(codes("aws_access_key_id = AKIAAAAAAAAAAAAAAAAA") == [])
    #expect(codes("aws_access_key_id = AKIAXXXXXXXXXXXX2345") == [])
    #expect(codes("aws_access_key_id = AKIAABABABABABABABAB") == [])
    #expect(codes("ghp_ tokens are 40 characters long") == [])
    #expect(codes("eyJ is how base64 JSON starts: eyJub3RhIjoiand0In0.eyJhIjoxfQ") == [])
}

@Test func documentationAndTestKeysAreInfo() {
    guard let (aws, _) = single("AKIAIOSFODNN7EXAMPLE") else { return }
    #expect(aws.severity == .info)
    guard let (stripe, _) = single("sk_test_4eC39HqLyjWDarjtT1zdp7dc") else { return }
    #expect(stripe.severity == .info)
}

@Test func jwtNeedsAHeaderWithAlg() {
    let noAlg = "eyJ0eXAiOiAiSldUIn0.eyJzdWIiOiAiMTIzNDU2Nzg5MCIsICJuYW1lIjogIkphbmUgUm9lIiwgImlhdCI6IDE1MTYyMzkwMjJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    #expect(codes(noAlg) == [])
}

@Test func pemHeaderWithoutKeyMaterialIsInfo() {
    guard let (diagnostic, text) = single("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----") else { return }
    #expect(diagnostic.severity == .info)
    #expect(text == #"-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"#)
}

@Test func pemBlockFixKeepsTheLineValidJSON() {
    let line = chat("key:\n\(Fake.pem)\nend")
    guard let diagnostic = check(line).first else { Issue.record("no hit"); return }
    let fixed = applyingFix(diagnostic, to: line)
    #expect(fixed == chat("key:\n[PRIVATE_KEY]\nend"))
    #expect(check(fixed).isEmpty)
}

extension String {
    /// How `check`'s chat helper writes a newline in JSON.
    func replacingNewlines() -> String {
        var output = ""
        for character in self { output += character == "\n" ? "\\n" : String(character) }
        return output
    }
}

// MARK: AWS secret access keys

@Test func awsSecretAccessKeyNamedAsOneIsReported() {
    let key = "v6I827vE7cohxosgT9fY3QPTMdJ0YP8XafxRN6kz"
    for text in ["Here are the creds: access key AKIACVYQZOUKMMVTUVG4, secret access key \(key).",
                 "aws_secret_access_key = \(key)", "s3 = boto3.client('s3', aws_secret_access_key='\(key)')",
                 "AWS_SECRET_ACCESS_KEY=\(key) aws s3 ls"] {
        let found = check(chat(text)).filter { $0.code == PIICode.awsSecretKey.code }
        #expect(found.count == 1, "\(text)")
        guard let diagnostic = found.first else { continue }
        #expect(covered(diagnostic, in: chat(text)) == key)
        #expect(diagnostic.severity == .error)
        #expect(!diagnostic.message.contains(key))
    }
}

@Test func awsExampleSecretKeyIsInfoAndUnnamedFortyCharactersAreNot() {
    guard let (example, _) = single("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") else { return }
    #expect(example.code == PIICode.awsSecretKey.code)
    #expect(example.severity == .info)
    #expect(codes("the hash v6I827vE7cohxosgT9fY3QPTMdJ0YP8XafxRN6kz changed") == [])
}

// MARK: Secrets named in prose

@Test func passwordsStatedInProseAreReported() {
    for (text, value) in [("Das Passwort ist HlGV4Bh.ZShg2pN7==QtINo71Xr+I=", "HlGV4Bh.ZShg2pN7==QtINo71Xr+I="),
                          ("le mot de passe est dfe78308c26648686aa5b5643720a5ed", "dfe78308c26648686aa5b5643720a5ed"),
                          ("The password is aT8cbF&B_L-^sb*PztpXLX.", "aT8cbF&B_L-^sb*PztpXLX"),
                          ("export SECRET_KEY='b8v+s-6o414#t*(9-lfjp(tn5vs@7$ts_)it&58!jvg0jb6=bi'",
                           "b8v+s-6o414#t*(9-lfjp(tn5vs@7$ts_)it&58!jvg0jb6=bi")] {
        guard let (diagnostic, covered) = single(text) else { continue }
        #expect(diagnostic.code == PIICode.highEntropy.code, "\(text)")
        #expect(covered == value)
    }
}

@Test func proseAboutPasswordsWithoutASecretIsNotReported() {
    #expect(codes("The password is stored in the vault.") == [])
    #expect(codes("Das Passwort ist abgelaufen, bitte zurücksetzen.") == [])
    #expect(codes("password = get_password_from(vault)") == [])
    #expect(codes("Reset your password via https://example.com/reset") == [])
}
