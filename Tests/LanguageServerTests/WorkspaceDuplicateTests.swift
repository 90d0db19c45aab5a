import Foundation
import Jansson
import JSONRPC
import Testing

/// Duplicates across the files of a workspace, found through the workspace index.
@Suite struct WorkspaceDuplicateTests {
    let capital = #"{"messages":[{"role":"user","content":"What is the capital of France?"},{"role":"assistant","content":"Paris."}]}"#
    let colors = #"{"messages":[{"role":"user","content":"Name three primary colors."},{"role":"assistant","content":"Red, yellow and blue."}]}"#
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("datalint-ws-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/data/eval", withIntermediateDirectories: true)
        try Data((capital + "\n" + colors + "\n").utf8).write(to: URL(fileURLWithPath: root + "/data/train.jsonl"))
    }

    var indexPath: String { root + "/.cache/index.sqlite" }

    func escaped(_ text: String) -> String { text.replacingOccurrences(of: "\"", with: "\\\"") }

    func leakage(_ published: JSONValue) -> [JSONValue] {
        published["diagnostics"]?.arrayValue?.filter { $0["code"]?.stringValue == "dup/leakage" } ?? []
    }

    @Test func anOpenEvaluationFileSeesTheTrainingFileOnDiskAndFollowsEdits() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize(root: root, indexPath: indexPath)
        let uri = "file://\(root)/data/eval/test.jsonl"
        harness.open(uri, colors + "\n")
        let published = try await harness.next("textDocument/publishDiagnostics", timeout: 30) { !leakage($0).isEmpty }
        let found = try #require(leakage(published).first)
        #expect(found["severity"]?.intValue == 1)
        #expect(found["message"]?.stringValue?.contains("line 2 of data/train.jsonl") == true)
        #expect(found.at("relatedInformation.0.location.uri")?.stringValue == "file://\(root)/data/train.jsonl")
        #expect(found.at("relatedInformation.0.location.range.start.line")?.intValue == 1)

        // Another question (an edit inside the line, which moves nothing): nothing leaks any more.
        let start = #"{"messages":[{"role":"user","content":"Name three "#.utf16.count
        harness.notify("textDocument/didChange", try JSONValue.decode("""
            {"textDocument":{"uri":"\(uri)","version":2},"contentChanges":[
              {"range":{"start":{"line":0,"character":\(start)},"end":{"line":0,"character":\(start + 7)}},"text":"famous painters, not"}]}
            """))
        let cleared = try await harness.next("textDocument/publishDiagnostics", timeout: 30) { $0["version"]?.intValue == 2 && leakage($0).isEmpty }
        #expect(codes(cleared).isEmpty)
        _ = await harness.shutdown()
    }

    @Test func twoOpenFilesSeeEachOthersEdits() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize(root: root, indexPath: indexPath)
        let train = "file://\(root)/data/train.jsonl"
        let test = "file://\(root)/data/eval/test.jsonl"
        harness.open(train, capital + "\n" + colors + "\n")
        harness.open(test, #"{"prompt":"2+2?","completion":"4"}"# + "\n")
        try await Task.sleep(for: .milliseconds(800))
        // The evaluation file now repeats the training file's first record: both sides are told.
        harness.notify("textDocument/didChange", try JSONValue.decode("""
            {"textDocument":{"uri":"\(test)","version":2},"contentChanges":[{"text":"\(escaped(capital))\\n"}]}
            """))
        let onTest = try await harness.next("textDocument/publishDiagnostics", timeout: 30) { $0["uri"]?.stringValue == test && !leakage($0).isEmpty }
        #expect(leakage(onTest).first?.at("relatedInformation.0.location.range.start.line")?.intValue == 0)
        let onTrain = try await harness.next("textDocument/publishDiagnostics", timeout: 30) { $0["uri"]?.stringValue == train && !leakage($0).isEmpty }
        #expect(leakage(onTrain).first?["message"]?.stringValue?.contains("an evaluation file") == true)
        _ = await harness.shutdown()
    }

    @Test func aDamagedIndexIsRebuiltWithAMessage() async throws {
        try FileManager.default.createDirectory(atPath: root + "/.cache", withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: indexPath))
        let harness = ServerHarness()
        _ = try await harness.initialize(root: root, indexPath: indexPath)
        let message = try await harness.next("window/showMessage", timeout: 30)
        #expect(message["message"]?.stringValue?.contains("rebuilt") == true)
        harness.open("file://\(root)/data/eval/test.jsonl", capital + "\n")
        _ = try await harness.next("textDocument/publishDiagnostics", timeout: 30) { !leakage($0).isEmpty }
        _ = await harness.shutdown()
    }

    @Test func aTrainingFileRewrittenOnDiskIsReadAgain() async throws {
        let harness = ServerHarness()
        _ = try await harness.initialize(root: root, indexPath: indexPath)
        let uri = "file://\(root)/data/eval/test.jsonl"
        harness.open(uri, colors + "\n")
        _ = try await harness.next("textDocument/publishDiagnostics", timeout: 30) { !leakage($0).isEmpty }
        // Another program rewrites the training file without the leaked record.
        try Data((capital + "\n").utf8).write(to: URL(fileURLWithPath: root + "/data/train.jsonl"))
        harness.notify("workspace/didChangeWatchedFiles", try JSONValue.decode("""
            {"changes":[{"uri":"file://\(root)/data/train.jsonl","type":2}]}
            """))
        _ = try await harness.next("textDocument/publishDiagnostics", timeout: 30) { leakage($0).isEmpty }
        _ = await harness.shutdown()
    }
}
