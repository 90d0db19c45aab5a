import Foundation
import Testing

@Suite struct RedactionFixTests {
    let record = #"{"messages":[{"role":"user","content":"I am \"Jane\" — jane.doe@gmail.com, card 4539 1488 0343 6467"},{"role":"assistant","content":"Noted, jane.doe@gmail.com. Docs: help@example.com"}]}"#

    func fixed(strategy: String, key: String = "k") throws -> (text: String, result: CommandResult) {
        let scratch = try Scratch()
        try scratch.write("datalint.toml", "[pii]\nredaction = \"\(strategy)\"\n")
        try scratch.write("data.jsonl", record + "\n")
        let result = try Datalint.run(["check", "--fix", "--select", "pii,secret", "data.jsonl"], in: scratch.url,
                                      environment: ["DATALINT_REDACTION_KEY": key])
        return (try scratch.read("data.jsonl"), result)
    }

    @Test func placeholdersReplaceHitsAndLeaveReservedExamples() throws {
        let (text, _) = try fixed(strategy: "placeholder")
        #expect(text.contains("[EMAIL], card [CARD]"))
        #expect(text.contains("help@example.com"))
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test func syntheticValuesAreConsistentValidAndKeyed() throws {
        let (text, _) = try fixed(strategy: "synthetic")
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let messages = object?["messages"] as? [[String: Any]] ?? []
        let user = messages.first?["content"] as? String ?? ""
        let assistant = messages.last?["content"] as? String ?? ""
        let fakeEmail = try #require(user.split(separator: " ").first { $0.contains("@") }.map { $0.trimmingCharacters(in: .punctuationCharacters) })
        #expect(fakeEmail.hasSuffix("example.com") || fakeEmail.hasSuffix("example.org") || fakeEmail.hasSuffix("example.net"))
        #expect(assistant.contains(fakeEmail))
        #expect(!text.contains("jane.doe@gmail.com"))
        #expect(user.hasPrefix("I am \"Jane\" — "))
        let (other, _) = try fixed(strategy: "synthetic", key: "another key")
        #expect(other != text)
        let (again, _) = try fixed(strategy: "synthetic")
        #expect(again == text)
    }

    @Test func maskKeepsTheEndOfTheCard() throws {
        let (text, _) = try fixed(strategy: "mask")
        #expect(text.contains("**** **** **** 6467"))
        #expect(text.contains("j*******@gmail.com"))
    }
}
