import Jansson
import JSONRPC
import Testing

/// The `length` stage in the editor: counted after the first diagnostics, kept up to date by edits.
@Suite struct LengthServerTests {
    func chat(_ user: String, _ assistant: String) -> String {
        #"{"messages":[{"role":"user","content":"\#(user)"},{"role":"assistant","content":"\#(assistant)"}]}"#
    }

    func question(_ words: Int, seed: Int) -> String {
        let vocabulary = ["river", "stone", "cloud", "green", "table", "light", "music", "paper", "water", "house"]
        return (0..<words).map { vocabulary[($0 + seed) % vocabulary.count] }.joined(separator: " ") + "?"
    }

    /// 40 ordinary chats; line 12's question is pasted at 60 times the others' length.
    func document() -> [String] {
        var lines = (0..<40).map { chat(question(8 + $0 % 5, seed: $0), "Use the " + question(20, seed: $0).dropLast() + " tool.") }
        lines[12] = chat(question(600, seed: 1), "Use the tool.")
        return lines
    }

    func lengthCodes(_ published: JSONValue) -> [(String, Int)] {
        (published["diagnostics"]?.arrayValue ?? []).compactMap { diagnostic in
            guard let code = diagnostic["code"]?.stringValue, code.hasPrefix("length/"),
                  let line = diagnostic.at("range.start.line")?.intValue else { return nil }
            return (code, line)
        }
    }

    @Test func anOutlierIsPublishedMovesWithItsLineAndGoesWhenEditedAway() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/lengths.jsonl"
        let lines = document()
        harness.open(uri, lines.joined(separator: "\n") + "\n")
        let first = try await harness.next("textDocument/publishDiagnostics") { !lengthCodes($0).isEmpty }
        #expect(lengthCodes(first).map(\.0) == ["length/outlier"])
        #expect(lengthCodes(first).first?.1 == 12)
        let outlier = first["diagnostics"]?.arrayValue?.first { $0["code"]?.stringValue == "length/outlier" }
        #expect(outlier?.at("codeDescription.href")?.stringValue?.hasSuffix("docs/length.md#length-outlier") == true)
        #expect(outlier?["message"]?.stringValue?.contains("user turn has") == true)

        // A line typed above moves the finding with its record.
        harness.notify("textDocument/didChange", try JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)","version":2},"contentChanges":[
              {"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"\(lines[3].replacingOccurrences(of: "\"", with: "\\\""))\\n"}]}
            """))
        let moved = try await harness.next("textDocument/publishDiagnostics") {
            $0["version"]?.intValue == 2 && lengthCodes($0).map(\.1) == [13]
        }
        #expect(lengthCodes(moved).map(\.0) == ["length/outlier"])

        // Replacing the pasted question by a short one makes the file ordinary again.
        let short = chat(question(9, seed: 2), "Use the tool.")
        harness.notify("textDocument/didChange", try JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)","version":3},"contentChanges":[
              {"range":{"start":{"line":13,"character":0},"end":{"line":13,"character":\(lines[12].utf16.count)}},"text":"\(short.replacingOccurrences(of: "\"", with: "\\\""))"}]}
            """))
        _ = try await harness.next("textDocument/publishDiagnostics") { $0["version"]?.intValue == 3 && lengthCodes($0).isEmpty }
        _ = await harness.shutdown()
    }

    @Test func anEditThatMakesAnOutlierIsPublished() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/lengths-grow.jsonl"
        var lines = document()
        lines[12] = chat(question(10, seed: 1), "Use the tool.")
        harness.open(uri, lines.joined(separator: "\n") + "\n")
        _ = try await harness.next("textDocument/publishDiagnostics")
        let pasted = chat(question(800, seed: 4), "Use the tool.")
        harness.notify("textDocument/didChange", try JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)","version":2},"contentChanges":[
              {"range":{"start":{"line":30,"character":0},"end":{"line":30,"character":\(lines[30].utf16.count)}},"text":"\(pasted.replacingOccurrences(of: "\"", with: "\\\""))"}]}
            """))
        let published = try await harness.next("textDocument/publishDiagnostics") {
            $0["version"]?.intValue == 2 && !lengthCodes($0).isEmpty
        }
        #expect(lengthCodes(published).map(\.1) == [30])
        _ = await harness.shutdown()
    }
}
