import Foundation
import Jansson
import JSONRPC
import Testing

let typo = #"{"messages":[{"role":"user","content":"👋🏽 hi"},{"role":"assitant","content":"Hello!"}]}"#
let good = #"{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]}"#
let prompt = #"{"prompt":"2+2?","completion":"4"}"#

/// Well-formed records that differ from `good` and from each other, so that no `dup/…` diagnostic joins in.
func numbered(_ number: Int) -> String {
    #"{"messages":[{"role":"user","content":"Hi \#(number)"},{"role":"assistant","content":"Hello!"}]}"#
}

func codes(_ published: JSONValue) -> [String] {
    published["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
}

@Suite struct LifecycleTests {
    @Test func requestsBeforeInitializeAreRefusedWithServerNotInitialized() async throws {
        let harness = ServerHarness()
        let result = await harness.request("textDocument/hover", .object(JSONObject()))
        #expect(result.failureCode == ResponseError.serverNotInitializedCode)
        _ = try await harness.initialize()
        #expect(await harness.shutdown() == 0)
    }

    @Test func initializeNegotiatesUTF8WhenOfferedAndUTF16Otherwise() async throws {
        let utf8 = ServerHarness()
        let result = try await utf8.initialize(capabilities: #"{"general":{"positionEncodings":["utf-8","utf-16"]}}"#)
        #expect(result.at("capabilities.positionEncoding")?.stringValue == "utf-8")
        _ = await utf8.shutdown()
        let utf16 = ServerHarness()
        #expect(try await utf16.initialize().at("capabilities.positionEncoding")?.stringValue == "utf-16")
        _ = await utf16.shutdown()
    }

    @Test func unknownMethodsAndBadParamsGetTheirErrorCodes() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        #expect(await harness.request("datalint/nope").failureCode == ResponseError.methodNotFoundCode)
        let badHover = await harness.request("textDocument/hover", .object(JSONObject([("textDocument", .integer(3))])))
        #expect(badHover.failureCode == ResponseError.invalidParamsCode)
        #expect(await harness.shutdown() == 0)
    }

    @Test func exitWithoutShutdownExitsWithOne() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        harness.notify("exit", .null)
        #expect(await harness.serverTask.value == 1)
    }
}

@Suite struct DocumentDiagnosticsTests {
    @Test func diagnosticsArePublishedWithUTF16ColumnsCodeLinksAndVersion() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        harness.open("file:///tmp/a.jsonl", good + "\n" + typo + "\n", version: 7)
        let published = try await harness.next("textDocument/publishDiagnostics")
        #expect(published["version"]?.intValue == 7)
        let diagnostic = published.at("diagnostics.0")
        #expect(diagnostic?["code"]?.stringValue == "format/unknown-role")
        #expect(diagnostic?["source"]?.stringValue == "datalint")
        let prefix = #"{"messages":[{"role":"user","content":"👋🏽 hi"},{"role":"#
        #expect(diagnostic?.at("range.start.line")?.intValue == 1)
        #expect(diagnostic?.at("range.start.character")?.intValue == prefix.utf16.count)
        #expect(diagnostic?.at("codeDescription.href")?.stringValue?.hasSuffix("docs/format.md#format-unknown-role") == true)
        _ = await harness.shutdown()
    }

    @Test func incrementalEditsRecheckTheRecordAndMoveTheOthers() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/b.jsonl"
        harness.open(uri, [good, typo, numbered(2)].joined(separator: "\n") + "\n")
        #expect(codes(try await harness.next("textDocument/publishDiagnostics")) == ["format/unknown-role"])
        // Insert an empty line at the top and fix the typo, in one notification.
        let fixColumn = #"{"messages":[{"role":"user","content":"👋🏽 hi"},{"role":""#.utf16.count
        let changes = try JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)","version":2},"contentChanges":[
              {"range":{"start":{"line":1,"character":\(fixColumn)},"end":{"line":1,"character":\(fixColumn + 8)}},"text":"assistant"},
              {"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"\\n"}]}
            """)
        harness.notify("textDocument/didChange", changes)
        let updated = try await harness.next("textDocument/publishDiagnostics") { $0["version"]?.intValue == 2 }
        #expect(codes(updated) == ["format/empty-line"])
        #expect(updated.at("diagnostics.0.range.start.line")?.intValue == 0)
        _ = await harness.shutdown()
    }

    @Test func mixedSchemaFollowsRecordsWhenLinesMove() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/c.jsonl"
        harness.open(uri, [good, numbered(1), prompt].joined(separator: "\n"))
        let first = try await harness.next("textDocument/publishDiagnostics")
        #expect(first.at("diagnostics.0.code")?.stringValue == "format/mixed-schema")
        #expect(first.at("diagnostics.0.range.start.line")?.intValue == 2)
        harness.notify("textDocument/didChange", try JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)","version":2},"contentChanges":[
              {"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"\(numbered(2).replacingOccurrences(of: "\"", with: "\\\""))\\n"}]}
            """))
        let moved = try await harness.next("textDocument/publishDiagnostics") { $0["version"]?.intValue == 2 }
        #expect(moved.at("diagnostics.0.range.start.line")?.intValue == 3)
        _ = await harness.shutdown()
    }

    @Test func changeOutsideTheDocumentIsClampedWithAWarning() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/d.jsonl"
        harness.open(uri, good)
        _ = try await harness.next("textDocument/publishDiagnostics")
        harness.notify("textDocument/didChange", try JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)","version":2},"contentChanges":[
              {"range":{"start":{"line":40,"character":0},"end":{"line":41,"character":3}},"text":"\\n\\n"}]}
            """))
        let warning = try await harness.next("window/logMessage") { $0["message"]?.stringValue?.contains("outside") == true }
        #expect(warning["type"]?.intValue == 2)
        let updated = try await harness.next("textDocument/publishDiagnostics") { $0["version"]?.intValue == 2 }
        #expect(codes(updated) == ["format/empty-line"])
        _ = await harness.shutdown()
    }

    @Test func pullDiagnosticsSayUnchangedForTheSameResult() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize(capabilities: #"{"textDocument":{"diagnostic":{}}}"#)
        let uri = "file:///tmp/e.jsonl"
        harness.open(uri, typo)
        let params = try JSONValue.decode(#"{"textDocument":{"uri":"\#(uri)"}}"#)
        let full = try await harness.request("textDocument/diagnostic", params).get()
        #expect(full["kind"]?.stringValue == "full")
        #expect(full.at("items.0.code")?.stringValue == "format/unknown-role")
        let resultId = try #require(full["resultId"]?.stringValue)
        let again = try await harness.request("textDocument/diagnostic", try JSONValue.decode(
            #"{"textDocument":{"uri":"\#(uri)"},"previousResultId":"\#(resultId)"}"#)).get()
        #expect(again["kind"]?.stringValue == "unchanged")
        _ = await harness.shutdown()
    }
}

@Suite struct FeatureTests {
    @Test func quickFixReplacesExactlyTheMisspeltRole() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize(capabilities: #"{"workspace":{"workspaceEdit":{"documentChanges":true}}}"#)
        let uri = "file:///tmp/f.jsonl"
        harness.open(uri, typo, version: 3)
        _ = try await harness.next("textDocument/publishDiagnostics")
        let actions = try await harness.request("textDocument/codeAction", try JSONValue.decode(
            #"{"textDocument":{"uri":"\#(uri)"},"range":{"start":{"line":0,"character":60},"end":{"line":0,"character":60}},"context":{"diagnostics":[]}}"#)).get()
        let action = try #require(actions[0])
        #expect(action["kind"]?.stringValue == "quickfix")
        let documentEdit = try #require(action.at("edit.documentChanges.0"))
        #expect(documentEdit.at("textDocument.version")?.intValue == 3)
        let edit = try #require(documentEdit.at("edits.0"))
        let fixed = apply(edit, to: typo)
        #expect(fixed == typo.replacingOccurrences(of: "assitant", with: "assistant"))
        _ = await harness.shutdown()
    }

    @Test func hoverDescribesTheRecordAndSymbolsNameRecordsByTheirFirstUserMessage() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/g.jsonl"
        harness.open(uri, good + "\n" + prompt + "\n")
        _ = try await harness.next("textDocument/publishDiagnostics")
        let hover = try await harness.request("textDocument/hover", try JSONValue.decode(
            #"{"textDocument":{"uri":"\#(uri)"},"position":{"line":0,"character":3}}"#)).get()
        let text = hover.at("contents.value")?.stringValue ?? ""
        #expect(text.contains("OpenAI messages") || text.contains("messages"))
        #expect(text.contains("2 turns: user → assistant"))
        #expect(text.contains("tokens"))
        let symbols = try await harness.request("textDocument/documentSymbol", try JSONValue.decode(
            #"{"textDocument":{"uri":"\#(uri)"}}"#)).get()
        #expect(symbols.arrayValue?.count == 2)
        #expect(symbols.at("0.name")?.stringValue == "1: Hi")
        #expect(symbols.at("1.name")?.stringValue == "2: 2+2?")
        _ = await harness.shutdown()
    }

    @Test func checkMethodReturnsTheCLIJSONShape() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let result = try await harness.request("datalint/check", .object(JSONObject([("text", .string(good + "\n" + typo + "\n"))]))).get()
        let diagnostic = try #require(result.at("diagnostics.0"))
        for key in ["file", "line", "column", "endLine", "endColumn", "severity", "code", "message"] {
            #expect(diagnostic[key] != nil, "missing \(key)")
        }
        #expect(diagnostic["line"]?.intValue == 2)
        #expect(result.at("summary.records")?.intValue == 2)
        let stats = try await harness.request("datalint/stats", .object(JSONObject([("text", .string(good + "\n" + prompt + "\n"))]))).get()
        #expect(stats["records"]?.intValue == 2)
        #expect(stats.at("schemas.messages")?.intValue == 1)
        _ = await harness.shutdown()
    }
}

/// Applies one LSP TextEdit (UTF-16 positions) to a single-line text.
func apply(_ edit: JSONValue, to text: String) -> String {
    let units = Array(text.utf16)
    let start = edit.at("range.start.character")?.intValue ?? 0
    let end = edit.at("range.end.character")?.intValue ?? 0
    let replaced = Array(units[..<start]) + Array((edit["newText"]?.stringValue ?? "").utf16) + Array(units[end...])
    return String(decoding: replaced, as: UTF16.self)
}

extension Result where Failure == ResponseError {
    var failureCode: Int? {
        if case .failure(let error) = self { error.code } else { nil }
    }
}

@Suite struct EditBurstTests {
    /// Lines appended faster than the server analyses them: the last publication must hold every line's
    /// diagnostics, never a version with lines not yet analysed.
    @Test func theLastPublicationOfABurstCoversEveryLine() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/burst.jsonl"
        harness.open(uri, good + "\n")
        var lines = 1
        for version in 2...40 {
            let record = (version % 2 == 1 ? typo : good).replacingOccurrences(of: "\"", with: "\\\"")
            harness.notify("textDocument/didChange", try JSONValue.decode("""
                {"textDocument":{"uri":"\(uri)","version":\(version)},"contentChanges":[
                  {"range":{"start":{"line":\(lines),"character":0},"end":{"line":\(lines),"character":0}},"text":"\(record)\\n"}]}
                """))
            lines += 1
        }
        let last = try await harness.next("textDocument/publishDiagnostics") { $0["version"]?.intValue == 40 }
        let typoLines = (2...40).filter { $0 % 2 == 1 }.count
        #expect(codes(last).filter { $0 == "format/unknown-role" }.count == typoLines)
        _ = await harness.shutdown()
    }
}

@Suite struct LargeDocumentTests {
    /// A document of several megabytes is decoded in the buffer its message was read into and its lines share
    /// that buffer; positions, edits in the middle of it, hover and a settings change must not notice.
    @Test func aLargeOpenedDocumentIsDiagnosedEditedAndHoveredLikeASmallOne() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize()
        let uri = "file:///tmp/large.jsonl"
        var records = (0..<30_000).map(numbered)
        records[12_345] = typo
        records[29_999] = typo.replacingOccurrences(of: "Hello!", with: "Hello again!")
        harness.open(uri, records.joined(separator: "\n") + "\n")
        let opened = try await harness.next("textDocument/publishDiagnostics", timeout: 60)
        #expect(codes(opened) == ["format/unknown-role", "format/unknown-role"])
        #expect(opened.at("diagnostics.0.range.start.line")?.intValue == 12_345)
        let prefix = #"{"messages":[{"role":"user","content":"👋🏽 hi"},{"role":"#
        #expect(opened.at("diagnostics.1.range.start.character")?.intValue == prefix.utf16.count)

        let fixColumn = prefix.utf16.count + 1
        harness.notify("textDocument/didChange", try JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)","version":2},"contentChanges":[
              {"range":{"start":{"line":12345,"character":\(fixColumn)},"end":{"line":12345,"character":\(fixColumn + 8)}},"text":"assistant"},
              {"range":{"start":{"line":100,"character":0},"end":{"line":100,"character":0}},"text":"\\n"}]}
            """))
        let edited = try await harness.next("textDocument/publishDiagnostics") { $0["version"]?.intValue == 2 }
        #expect(codes(edited) == ["format/empty-line", "format/unknown-role"])
        #expect(edited.at("diagnostics.1.range.start.line")?.intValue == 30_000)

        let hover = try await harness.request("textDocument/hover", try JSONValue.decode(
            #"{"textDocument":{"uri":"\#(uri)"},"position":{"line":12346,"character":3}}"#)).get()
        #expect(hover.at("contents.value")?.stringValue?.contains("2 turns: user → assistant") == true)

        harness.notify("workspace/didChangeConfiguration", try JSONValue.decode(#"{"settings":{"datalint":{"ignore":["format/empty-line"]}}}"#))
        let reconfigured = try await harness.next("textDocument/publishDiagnostics", timeout: 60) {
            $0["version"]?.intValue == 2 && codes($0) == ["format/unknown-role"]
        }
        #expect(reconfigured.at("diagnostics.0.range.start.line")?.intValue == 30_000)
        _ = await harness.shutdown()
    }
}
