import Jansson
import JSONRPC
import Testing

@Suite struct HoverTokenTests {
    @Test func theHoverCountsARecordsTokensExactlyWithTheChatFraming() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/hover-tokens.jsonl"
        // 3 for the reply + per message 3 + its role and content: user (1) + hello world (2), assistant (1) + Hi (1).
        harness.open(uri, #"{"messages":[{"role":"user","content":"hello world"},{"role":"assistant","content":"Hi"}]}"# + "\n")
        _ = try await harness.next("textDocument/publishDiagnostics")
        let hover = try await harness.request("textDocument/hover", JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)"},"position":{"line":0,"character":3}}
            """)).get()
        let text = hover.at("contents.value")?.stringValue ?? ""
        #expect(text.contains("14 tokens (cl100k_base, chat framing included)"), "\(text)")
        _ = await harness.shutdown()
    }
}
