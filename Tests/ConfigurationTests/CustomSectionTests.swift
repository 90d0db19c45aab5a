import Configuration
import Testing

/// A later stage's own section, registered without touching the loader.
private func loaderWithDedupSection() -> ConfigurationLoader {
    var schema = ConfigurationSchema.standard(stageNames: ["format", "toxicity"])
    schema.register(SectionSchema(name: "toxicity", keys: [
        KeySchema("near_duplicates", .boolean),
        KeySchema("threshold", ValueRule(expectation: "a number between 0 and 1") { value, key in
            let number: Double? = switch value {
            case .float(let number): number
            case .integer(let number): Double(number)
            default: nil
            }
            guard let number, (0...1).contains(number) else {
                return .mismatch(key: key, expected: "a number between 0 and 1", found: value)
            }
            return nil
        }),
        KeySchema("key_fields", .nonEmptyStringList),
    ]))
    return ConfigurationLoader(schema: schema)
}

@Test func registeredSectionIsReadThroughTypedAccessors() throws {
    let loaded = try loaderWithDedupSection().load(text: """
        [toxicity]
        near_duplicates = true
        key_fields = ["messages"]
        threshold = 1
        """, path: "datalint.toml")
    #expect(loaded.document.boolean("near_duplicates", in: "toxicity") == true)
    #expect(loaded.document.stringList("key_fields", in: "toxicity") == ["messages"])
    #expect(loaded.document.value("threshold", in: "toxicity") == .integer(1))
    #expect(loaded.document.keys(in: "toxicity") == ["key_fields", "near_duplicates", "threshold"])
    #expect(loaded.document.string("near_duplicates", in: "toxicity") == nil)
}

@Test func registeredSectionIsValidatedAndLocated() {
    let text = """
        [toxicity]
        threshold = 1.5
        near_duplicate = true
        """
    #expect(problems(in: text, loader: loaderWithDedupSection()) == [
        "conf/datalint.toml:2:13: 'threshold' must be a number between 0 and 1, not a floating-point number",
        "conf/datalint.toml:3:1: unknown key 'near_duplicate' in [toxicity]; did you mean 'near_duplicates'?",
    ])
}

@Test func unregisteredSectionIsUnknown() {
    #expect(problems(in: "[toxicity]\n") == [
        "conf/datalint.toml:1:1: unknown section [toxicity]; known sections: [check], [dedup], [format], [length], [pii], [plugin-configuration], [plugins], [severity], [stages]",
    ])
}
