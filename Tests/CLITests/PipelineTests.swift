import Foundation
import Testing

/// `datalint run`: records through transform plugins to a file or standard output.
@Suite struct PipelineTests {
    let lines = [
        #"{"messages":[{"role":"user","content":"  Hello    there  "},{"role":"assistant","content":"Fine.  "}]}"#,
        #"{"messages":[{"role":"user","content":"You idiot"},{"role":"assistant","content":"Rude."}]}"#,
        "",
        #"{"messages":[{"role":"user","content":"caf\u00e9 CRASH"},{"role":"assistant","content":"ok"}]}"#,
    ]

    func library(_ name: String) -> String {
        Datalint.executable.deletingLastPathComponent().appendingPathComponent("lib\(name).so").path
    }

    func input(in scratch: Scratch) throws -> String {
        let path = scratch.url.appendingPathComponent("in.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func stagesRewriteAndDropInOrderAndTheOutputAppearsWhole() throws {
        let scratch = try Scratch()
        let source = try input(in: scratch)
        let output = scratch.url.appendingPathComponent("out.jsonl").path
        let result = try Datalint.run(["run", "--plugin", library("wordlist-filter"),
                                       "--plugin-configuration", #"wordlist-filter={"drop": true}"#,
                                       "--plugin", library("whitespace-normalizer"), "--output", output, source])
        #expect(result.status == 0, "\(result.standardError)")
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written == [#"{"messages":[{"role":"user","content":"Hello there"},{"role":"assistant","content":"Fine."}]}"#,
                            lines[3]].joined(separator: "\n") + "\n")
        #expect(result.standardError.contains("in.jsonl:2: dropped by wordlist-filter"))
        #expect(result.standardError.contains("3 records in, 2 out (1 rewritten, 1 dropped)"))
        #expect(try String(contentsOfFile: source, encoding: .utf8) == lines.joined(separator: "\n") + "\n")
    }

    @Test func aRecordThePluginCrashesOnIsKeptAsItWas() throws {
        let scratch = try Scratch()
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["cc", "-shared", "-fPIC", "-I", PluginCheckTests.repository.appendingPathComponent("protocol").path,
                           "-o", scratch.url.appendingPathComponent("libsegfault.so").path,
                           PluginCheckTests.repository.appendingPathComponent("Tests/PluginHostTests/Fixtures/faulty/segfault.c").path]
        try build.run()
        build.waitUntilExit()
        let result = try Datalint.run(["run", "--plugin", scratch.url.appendingPathComponent("libsegfault.so").path,
                                       "--plugin", library("whitespace-normalizer"), try input(in: scratch)])
        #expect(result.status == 1)
        #expect(result.standardError.contains("in.jsonl:4:1: error[plugin/crashed]"))
        let out = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(out.count == 3)
        #expect(out[2] == lines[3])
    }

    /// A transform that needs the whole dataset decides in `finish`: its drops and rewrites are applied before the
    /// records go on, so a stage after it sees them changed, and one before it does not; the spool between is removed.
    @Test func aWholeDatasetTransformsFinishChangesReachTheStagesAfterIt() throws {
        let scratch = try Scratch()
        let keepFirst = try PluginCheckTests().build("keep-first", into: scratch.url)
        let ordered = try PluginCheckTests().build("ordered", into: scratch.url)
        let chat = { (user: String, assistant: String) in
            #"{"messages":[{"role":"user","content":"\#(user)"},{"role":"assistant","content":"\#(assistant)"}]}"#
        }
        let source = scratch.url.appendingPathComponent("prompts.jsonl").path
        try ([chat("Same?", "A"), chat("Other", "B"), "", chat("Same?", "C")].joined(separator: "\n") + "\n")
            .write(toFile: source, atomically: true, encoding: .utf8)
        let spools = scratch.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: spools, withIntermediateDirectories: true)
        let output = scratch.url.appendingPathComponent("out.jsonl").path
        let after = try Datalint.run(["run", "--plugin", keepFirst, "--plugin", ordered, "--output", output, source],
                                     environment: ["TMPDIR": spools.path])
        #expect(after.status == 0, "\(after.standardError)")
        #expect(try String(contentsOfFile: output, encoding: .utf8)
                == #"{"repeats":2,"# + chat("Same?", "A").dropFirst() + "\n" + chat("Other", "B") + "\n")
        #expect(after.standardError.contains("prompts.jsonl:4: dropped by keep-first: repeats the prompt of line 1"))
        #expect(after.standardError.contains("saw 2 records"), "\(after.standardError)")
        #expect(after.standardError.contains("3 records in, 2 out (1 rewritten, 1 dropped)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: spools.path).isEmpty)
        let before = try Datalint.run(["run", "--plugin", ordered, "--plugin", keepFirst, source], environment: ["TMPDIR": spools.path])
        #expect(before.standardError.contains("saw 3 records"), "\(before.standardError)")
        #expect(before.standardOutput.split(separator: "\n").count == 2)
    }

    /// Records held back for a whole-dataset transform come out byte for byte as they went in: bytes that would look
    /// like gzip or a byte order mark at the start of a file are a record's own.
    @Test func recordsHeldForAWholeDatasetTransformComeBackUnchanged() throws {
        let scratch = try Scratch()
        let keepFirst = try PluginCheckTests().build("keep-first", into: scratch.url)
        let odd: [[UInt8]] = [[0x1F, 0x8B] + Array(#" "not gzip""#.utf8), [0xEF, 0xBB, 0xBF] + Array(#"{"b":1}"#.utf8),
                              Array(#"{"messages":[{"role":"user","content":"Hi"}]}"#.utf8)]
        let input = Array([[]] + odd).joined(separator: [0x0A]) + [0x0A]
        let output = scratch.url.appendingPathComponent("out.jsonl")
        let result = try Datalint.run(["run", "--plugin", keepFirst, "--output", output.path, "-"], in: scratch.url, input: Array(input))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Array(try Data(contentsOf: output)) == Array(odd.joined(separator: [0x0A])) + [0x0A])
    }

    @Test func anOutputThatIsAnInputIsRefused() throws {
        let scratch = try Scratch()
        let source = try input(in: scratch)
        let result = try Datalint.run(["run", "--plugin", library("whitespace-normalizer"), "--output", source, source])
        #expect(result.status == 2)
        #expect(result.standardError.contains("is also an input"))
    }

    @Test func aPipelineThatCannotStartWritesNothing() throws {
        let scratch = try Scratch()
        let output = scratch.url.appendingPathComponent("out.jsonl").path
        let result = try Datalint.run(["run", "--plugin", "/nonexistent/libnothing.so", "--output", output, try input(in: scratch)])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).allSatisfy { !$0.contains(".tmp-") })
    }
}
