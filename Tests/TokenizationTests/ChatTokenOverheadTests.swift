import Testing
import Tokenization

@Test func chatOverheadIsThreePerMessageOnePerNameAndThreeForTheReply() {
    let messages = [
        ChatMessage(role: "system", content: "Be brief."),
        ChatMessage(role: "user", content: "Hi", name: "alice"),
    ]
    // Counting characters instead of tokens makes the framing visible: 3 + 3 + 1 + 3 on top of the values.
    let characters = messages.flatMap(\.fields).map(\.value.count).reduce(0, +)
    #expect(ChatTokenOverhead.openAICookbook.count(messages) { $0.count } == characters + 3 + 3 + 1 + 3)
    #expect(ChatTokenOverhead.openAICookbook.overhead(messageCount: 2, namedCount: 1) == 10)
    #expect(ChatTokenOverhead.openAICookbook.count([]) { $0.count } == 3)
}

@Test func olderModelsFramingCanBeGiven() {
    // gpt-3.5-turbo-0301 framed messages with 4 tokens and took a name instead of the role (-1).
    let old = ChatTokenOverhead(perMessage: 4, perName: -1, replyPriming: 3)
    #expect(old.count([ChatMessage(role: "user", content: "x", name: "n")]) { _ in 1 } == 4 + 3 - 1 + 3)
}

@Test(.enabled(if: Installed.isFound(.cl100kBase), Installed.notInstalled))
func chatCountMatchesTheCookbookFunction() throws {
    // The cookbook's example conversation; 129 is what its num_tokens_from_messages prints for gpt-4 (cl100k_base).
    let messages = [
        ChatMessage(role: "system", content: "You are a helpful, pattern-following assistant that translates corporate jargon into plain English."),
        ChatMessage(role: "system", content: "New synergies will help drive top-line growth.", name: "example_user"),
        ChatMessage(role: "system", content: "Things working well together will increase revenue.", name: "example_assistant"),
        ChatMessage(role: "system", content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.", name: "example_user"),
        ChatMessage(role: "system", content: "Let's talk later when we're less busy about how to do better.", name: "example_assistant"),
        ChatMessage(role: "user", content: "This late pivot means we don't have time to boil the ocean for the client deliverable."),
    ]
    let session = try Installed.tokenizer(.cl100kBase).makeSession()
    #expect(session.count(messages) == 129)
}
