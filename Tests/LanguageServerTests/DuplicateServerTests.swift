import Jansson
import JSONRPC
import Testing

@Suite struct DuplicateServerTests {
    let colors = #"{"messages":[{"role":"user","content":"Name three primary colors."},{"role":"assistant","content":"Red, yellow and blue."}]}"#

    func escaped(_ text: String) -> String { text.replacingOccurrences(of: "\"", with: "\\\"") }

    @Test func duplicatesArePublishedAfterTheFirstDiagnosticsWithTheKeptRecordRelated() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/dups.jsonl"
        harness.open(uri, [colors, good, colors].joined(separator: "\n") + "\n")
        let published = try await harness.next("textDocument/publishDiagnostics") { codes($0).contains("dup/exact") }
        #expect(codes(published) == ["dup/exact"])
        #expect(published.at("diagnostics.0.range.start.line")?.intValue == 2)
        #expect(published.at("diagnostics.0.relatedInformation.0.location.range.start.line")?.intValue == 0)
        #expect(published.at("diagnostics.0.relatedInformation.0.location.uri")?.stringValue == uri)
        #expect(published.at("diagnostics.0.codeDescription.href")?.stringValue?.hasSuffix("docs/dup.md#dup-exact") == true)
        _ = await harness.shutdown()
    }

    @Test func editingADuplicateAwayClearsItAndLineMovesKeepTheOthersInPlace() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/edit-dups.jsonl"
        harness.open(uri, [colors, good, colors, numbered(7), numbered(7)].joined(separator: "\n") + "\n")
        _ = try await harness.next("textDocument/publishDiagnostics") { codes($0) == ["dup/exact", "dup/exact"] }
        // Make line 3 unique (a digit in its prompt) and insert a line at the top, in one notification.
        let column = #"{"messages":[{"role":"user","content":"Name three primary colors"#.utf16.count
        harness.notify("textDocument/didChange", try JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)","version":2},"contentChanges":[
              {"range":{"start":{"line":2,"character":\(column)},"end":{"line":2,"character":\(column)}},"text":" 2"},
              {"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"\(escaped(numbered(1)))\\n"}]}
            """))
        let updated = try await harness.next("textDocument/publishDiagnostics") {
            $0["version"]?.intValue == 2 && codes($0) == ["dup/exact"]
        }
        #expect(updated.at("diagnostics.0.range.start.line")?.intValue == 5)
        #expect(updated.at("diagnostics.0.relatedInformation.0.location.range.start.line")?.intValue == 4)
        _ = await harness.shutdown()
    }

    @Test func theQuickFixDeletesTheDuplicateLine() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/fix-dups.jsonl"
        harness.open(uri, [colors, colors].joined(separator: "\n") + "\n")
        _ = try await harness.next("textDocument/publishDiagnostics") { codes($0) == ["dup/exact"] }
        let actions = try await harness.request("textDocument/codeAction", JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)"},"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":0}},
             "context":{"diagnostics":[]}}
            """)).get()
        let action = try #require(actions.arrayValue?.first { $0["title"]?.stringValue?.hasPrefix("Delete this duplicate") == true })
        let edit = try #require(action.at("edit.changes")?[uri]?.arrayValue?.first)
        #expect(edit.at("range.start.line")?.intValue == 1 && edit.at("range.end.line")?.intValue == 2)
        #expect(edit["newText"]?.stringValue == "")
        _ = await harness.shutdown()
    }

    @Test func referencesOnAKeptRecordListTheRecordsThatRepeatItAndHoverSaysSo() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/refs-dups.jsonl"
        harness.open(uri, [colors, good, colors, colors].joined(separator: "\n") + "\n")
        _ = try await harness.next("textDocument/publishDiagnostics") { codes($0) == ["dup/exact", "dup/exact"] }
        func references(_ line: Int) async throws -> [Int] {
            let found = try await harness.request("textDocument/references", JSONValue.decode("""
                {"textDocument":{"uri":"\(uri)"},"position":{"line":\(line),"character":3},"context":{"includeDeclaration":false}}
                """)).get()
            return found.arrayValue?.compactMap { $0.at("range.start.line")?.intValue } ?? []
        }
        #expect(try await references(0) == [2, 3])
        // From a repeat: the kept record and the other repeat.
        #expect(try await references(3) == [0, 2])
        #expect(try await references(1) == [])
        let hover = try await harness.request("textDocument/hover", JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)"},"position":{"line":0,"character":3}}
            """)).get()
        let text = hover.at("contents.value")?.stringValue ?? ""
        #expect(text.contains("**Duplicates**") && text.contains("2 other records of this file repeat it"))
        let memberHover = try await harness.request("textDocument/hover", JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)"},"position":{"line":2,"character":3}}
            """)).get()
        #expect(memberHover.at("contents.value")?.stringValue?.contains("exact duplicate of the record on line 1") == true)
        _ = await harness.shutdown()
    }

    @Test func aLineTypedAboveMovesDuplicatesAtOnceWithTheirKeptRecord() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/move-dups.jsonl"
        harness.open(uri, [colors, colors].joined(separator: "\n") + "\n")
        _ = try await harness.next("textDocument/publishDiagnostics") { codes($0) == ["dup/exact"] }
        harness.notify("textDocument/didChange", try JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)","version":2},"contentChanges":[
              {"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"\(escaped(numbered(1)))\\n"}]}
            """))
        // The first publication for the edit, before any regrouping: the finding moved with both records.
        let moved = try await harness.next("textDocument/publishDiagnostics") { $0["version"]?.intValue == 2 }
        #expect(codes(moved) == ["dup/exact"])
        #expect(moved.at("diagnostics.0.range.start.line")?.intValue == 2)
        #expect(moved.at("diagnostics.0.relatedInformation.0.location.range.start.line")?.intValue == 1)
        _ = await harness.shutdown()
    }
}
