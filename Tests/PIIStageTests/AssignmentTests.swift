import Diagnostics
@testable import PIIStage
import Testing

@Test func randomValueAssignedToASecretNameIsReported() {
    for (text, value) in [("api_key = \"Zx8QpL2mN7vR4tK9wB3yC6dF\"", "Zx8QpL2mN7vR4tK9wB3yC6dF"),
                          ("SECRET_KEY=9f86d081884c7d659a2feaa0c55ad015", "9f86d081884c7d659a2feaa0c55ad015"),
                          ("db password: 'q7Lm2Vx9Rt4Kp8Wn', then", "q7Lm2Vx9Rt4Kp8Wn"),
                          ("{\"auth_token\": \"Zx8QpL2mN7vR4tK9wB3yC6dF\"}", "Zx8QpL2mN7vR4tK9wB3yC6dF")] {
        let line = chat(text)
        let found = check(line)
        #expect(found.map(\.code) == [PIICode.highEntropy.code], "\(text)")
        guard let diagnostic = found.first else { continue }
        #expect(covered(diagnostic, in: line) == value)
        #expect(!diagnostic.message.contains(value))
    }
}

@Test func wordsPlaceholdersAndCodeAreNotHighEntropySecrets() {
    #expect(codes("password: hunter2") == [])
    #expect(codes("SECRET_KEY = \"your-secret-key-here-1234\"") == [])
    #expect(codes("secret = \"my_super_secret_password\"") == [])
    #expect(codes("token = get_token_from_environment()") == [])
    #expect(codes("api_key = os.environ[\"API_KEY_VALUE_12\"]") == [])
    #expect(codes("token: 123e4567-e89b-12d3-a456-426614174000") == [])
    #expect(codes("max_tokens: 1024, tokenizer: cl100k_base_encoding") == [])
    #expect(codes("secret = \"abcdefghijklmnop12345678\"") == [])
    #expect(codes("the password = XXXXXXXXXXXXXXXX") == [])
}

@Test func knownKeyFormatWinsOverGenericAssignment() {
    let found = check(chat("OPENAI_API_KEY=\(Fake.openAI)"))
    #expect(found.map(\.code) == [PIICode.openAIKey.code])
}
