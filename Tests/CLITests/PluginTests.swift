import Foundation
import Testing

/// Stage plugins in `datalint check`: the faulty plugins of Tests/PluginHostTests/Fixtures/faulty, compiled with `cc`
/// the way a plugin author would, show the host surviving each failure with a message naming the plugin and record.
@Suite(.serialized) struct PluginCheckTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Builds a faulty plugin into `directory` and returns its path.
    func build(_ name: String, into directory: URL) throws -> String {
        let source = Self.repository.appendingPathComponent("Tests/PluginHostTests/Fixtures/faulty/\(name).c").path
        let library = directory.appendingPathComponent("lib\(name).so").path
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compiler.arguments = ["cc", "-shared", "-fPIC", "-O1", "-I", Self.repository.appendingPathComponent("protocol").path,
                              "-o", library, source]
        try compiler.run()
        compiler.waitUntilExit()
        try #require(compiler.terminationStatus == 0, "cc failed on \(name).c")
        return library
    }

    func chat(_ user: String) -> String {
        #"{"messages":[{"role":"user","content":"\#(user)"},{"role":"assistant","content":"Fine."}]}"#
    }

    /// Four records, the third with `trigger`; the last has a misspelt role, which the format stage reports.
    func dataset(in scratch: Scratch, trigger: String) throws -> String {
        let lines = [chat("one"), chat("two"), chat(trigger), #"{"messages":[{"role":"user","content":"x"},{"role":"asistant","content":"y"}]}"#]
        let path = scratch.url.appendingPathComponent("data.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `memoryMB` caps each worker's address space; threads reserve a lot of it (a 64 MiB malloc arena each).
    func check(_ plugin: String, trigger: String, extra: [String] = [], memoryMB: Int = 256) throws -> CommandResult {
        let scratch = try Scratch()
        let library = try build(plugin, into: scratch.url)
        let data = try dataset(in: scratch, trigger: trigger)
        let configuration = scratch.url.appendingPathComponent("datalint.toml").path
        try "[plugins]\nmemory_limit_mb = \(memoryMB)\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        return try Datalint.run(["check", "--no-progress", "--plugin", library, "--plugin-timeout", "2", "--ignore", "dup,length"]
                                + extra + [data], in: scratch.url)
    }

    @Test(arguments: [("segfault", "CRASH", "plugin/crashed", "signal 11"), ("abort", "ABORT", "plugin/crashed", "signal 6"),
                      ("infinite-loop", "LOOP", "plugin/timeout", "within 2 s")])
    func aCrashingOrHangingPluginIsReportedAtItsRecordAndTheRestGoesOn(plugin: String, trigger: String, code: String,
                                                                       detail: String) throws {
        let result = try check(plugin, trigger: trigger)
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n")
        let report = try #require(lines.first { $0.contains("error[\(code)]") }, "\(result.standardOutput)\n\(result.standardError)")
        #expect(report.contains("data.jsonl:3:1:"))
        #expect(report.contains("plugin \(plugin)"))
        #expect(report.contains(detail))
        #expect(result.standardOutput.contains("data.jsonl:4:") && result.standardOutput.contains("format/unknown-role"))
        #expect(!result.standardError.contains("Backtracing"))
    }

    @Test func aPluginThatEatsMemoryMeetsItsLimit() throws {
        let result = try check("memory-hog", trigger: "HOG")
        #expect(result.status == 1)
        let report = result.standardOutput.split(separator: "\n").first { $0.contains("data.jsonl:3:1:") }
        #expect(report?.contains("error[plugin/crashed]") == true || report?.contains("error[plugin/timeout]") == true,
                "\(result.standardOutput)")
        #expect(result.standardOutput.contains("format/unknown-role"))
    }

    @Test func aPluginThatFailsTooOftenIsQuarantined() throws {
        let scratch = try Scratch()
        let library = try build("segfault", into: scratch.url)
        let lines = (0..<8).map { chat($0 < 6 ? "CRASH \($0)" : "fine \($0)") }
        let data = scratch.url.appendingPathComponent("data.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: data, atomically: true, encoding: .utf8)
        let result = try Datalint.run(["check", "--no-progress", "--plugin", library, "--select", "plugin", data], in: scratch.url)
        let crashes = result.standardOutput.split(separator: "\n").filter { $0.contains("error[plugin/crashed]") }
        #expect(crashes.count == 4)
        #expect(result.standardOutput.contains("error[plugin/quarantined]"))
        #expect(result.standardOutput.contains("no later record is checked by it"))
        #expect(!result.standardOutput.contains("data.jsonl:6:"))
    }

    @Test func invalidOutputIsRefusedWithItsReason() throws {
        let badJSON = try check("bad-json", trigger: "anything")
        #expect(badJSON.standardOutput.contains("error[plugin/invalid-output]: plugin bad-json rewrote the record into invalid JSON"))
        let outOfRange = try check("out-of-range", trigger: "anything")
        #expect(outOfRange.standardOutput.contains("outside the record's"))
        #expect(outOfRange.standardOutput.contains("which names no value of this record"))
        // The plugin's correct diagnostic (the whole record) is still reported.
        #expect(outOfRange.standardOutput.split(separator: "\n").contains { $0.contains("out-of-range/") && !$0.contains("plugin/") })
    }

    @Test(arguments: [("wrong-abi", "newer than this datalint's 1.0; update datalint"),
                      ("no-entry", "exports no `datalint_stage_entry` function"),
                      ("fail-create", "could not start")])
    func aPluginThatCannotStartStopsTheRunWithAClearError(plugin: String, message: String) throws {
        let result = try check(plugin, trigger: "x")
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardError.contains("lib\(plugin).so"))
    }

    @Test(arguments: ["process", "none"])
    func aFailingCreateShowsThePluginsOwnMessage(isolation: String) throws {
        let result = try check("fail-create", trigger: "x", extra: ["--plugin-isolation", isolation])
        #expect(result.status == 2)
        #expect(result.standardError.contains("fail-create: this stage refuses every configuration"), "\(result.standardError)")
        #expect(!result.standardError.contains("double free") && !result.standardError.contains("crashed"))
    }

    @Test func misreportsAreReportedAndAPluginsStdoutAndChildrenCannotHurt() throws {
        let result = try check("misreport", trigger: "FORK")
        let refused = result.standardOutput.split(separator: "\n").filter { $0.contains("error[plugin/invalid-output]") }
        #expect(refused.contains { $0.contains("which is not in the batch it was given") }, "\(result.standardOutput)")
        #expect(refused.contains { $0.contains("code or message is NULL") })
        #expect(!result.standardOutput.contains("debugging output"))
        #expect(result.standardError.contains("debugging output on stdout"))
        #expect(result.standardOutput.contains("format/unknown-role"))
        // `Datalint.run` reads the output to its end: a forked child holding it open would hang the test here.
        let survivors = try Datalint.run(["check", "--version"])
        #expect(survivors.status == 0)
    }

    @Test func aWorkerThatClosesItsPipeButRunsOnIsStopped() throws {
        let started = Date()
        let result = try check("closer", trigger: "CLOSE")
        let report = result.standardOutput.split(separator: "\n").first { $0.contains("data.jsonl:3:1: error[plugin/crashed]") }
        #expect(report?.contains("closed its end of the pipe") == true, "\(result.standardOutput)\(result.standardError)")
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.standardOutput.contains("format/unknown-role"))
    }

    @Test(arguments: ["process", "none"])
    func servicesCalledFromManyThreadsAtOnceAreCollectedSafely(isolation: String) throws {
        let result = try check("race", trigger: "x", extra: ["--plugin-isolation", isolation, "--select", "race,plugin"], memoryMB: 2_048)
        #expect(result.status == 1, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.filter { $0.contains("info[race/finding]") }.count == 100)
        #expect(lines.contains { $0.contains("reported more than 100 findings on this record") })
        #expect(!lines.contains { $0.contains("plugin/crashed") })
    }

    @Test(arguments: ["process", "none"])
    func aWholeDatasetPluginSeesTheFileInOrderEvenInParallel(isolation: String) throws {
        let scratch = try Scratch()
        let library = try build("ordered", into: scratch.url)
        let line = chat(String(repeating: "many words in a long question ", count: 20))
        let data = scratch.url.appendingPathComponent("big.jsonl").path
        try (Array(repeating: line, count: 6_000).joined(separator: "\n") + "\n").write(toFile: data, atomically: true, encoding: .utf8)
        let result = try Datalint.run(["check", "--no-progress", "--jobs", "2", "--plugin", library, "--plugin-isolation", isolation,
                                       "--select", "ordered,plugin", data])
        #expect(!result.standardOutput.contains("ordered/out-of-order"), "\(result.standardOutput.prefix(2000))")
        #expect(result.standardOutput.contains("info[ordered/count]: saw 6000 records"), "\(result.standardOutput.prefix(2000))")
    }

    /// A whole-dataset plugin keeps what it learned in its worker: after a crash, its new worker has not seen the
    /// records before, and the crash's message says that what it reports at the end leaves them out.
    @Test func aRestartedWholeDatasetPluginSaysWhatItsEndFindingsLeaveOut() throws {
        let scratch = try Scratch()
        let library = try build("ordered", into: scratch.url)
        var lines = (0..<2_500).map { chat("question \($0)") }
        lines[1_500] = chat("CRASH")
        let data = scratch.url.appendingPathComponent("crash.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: data, atomically: true, encoding: .utf8)
        let result = try Datalint.run(["check", "--no-progress", "--jobs", "1", "--plugin", library, "--select", "ordered,plugin", data])
        let crash = result.standardOutput.split(separator: "\n").first { $0.contains("error[plugin/crashed]") }
        #expect(crash?.contains("crash.jsonl:1501:") == true, "\(result.standardOutput.prefix(2000))")
        #expect(crash?.contains("its new worker has not seen lines 1–1000:") == true, "\(crash ?? "")")
        // Records 1,000–1,499 went to the worker that crashed on line 1,501; the one after it saw 1,501–2,499.
        #expect(result.standardOutput.contains("info[ordered/count]: saw 999 records"), "\(result.standardOutput.prefix(2000))")
    }

    /// A crash in `finish` is not pinned to a record, and costs no earlier records: the message says where it was.
    @Test func aCrashInFinishIsReportedAsSuch() throws {
        let scratch = try Scratch()
        let library = try build("ordered", into: scratch.url)
        let data = scratch.url.appendingPathComponent("boom.jsonl").path
        try ([chat("one"), chat("BOOM"), chat("three")].joined(separator: "\n") + "\n").write(toFile: data, atomically: true, encoding: .utf8)
        let result = try Datalint.run(["check", "--no-progress", "--plugin", library, "--select", "ordered,plugin", data])
        let crash = result.standardOutput.split(separator: "\n").first { $0.contains("error[plugin/crashed]") }
        #expect(crash?.contains("boom.jsonl:1:1: error[plugin/crashed]: plugin ordered crashed (signal 6, aborted) in finish;") == true,
                "\(result.standardOutput)")
        #expect(crash?.contains("has not seen") == false)
    }

    /// A whole-dataset plugin that only checks, or a transform, in a check: finish findings are placed on the lines
    /// read again from a regular file; from a pipe, which cannot be read again, at their lines' start, and not blamed
    /// on the plugin; a transform's finish changes are validated, not reported as records it was not given.
    @Test func finishFindingsFromAPipeStayAtTheirLinesAndTransformsAreOnlyValidated() throws {
        let scratch = try Scratch()
        let repeats = try build("repeats", into: scratch.url)
        let keepFirst = try build("keep-first", into: scratch.url)
        let text = [chat("Same question?"), chat("Other"), chat("Same question?")].joined(separator: "\n") + "\n"
        let piped = try Datalint.run(["check", "--no-progress", "--format", "json", "--plugin", repeats, "--select", "repeats,plugin",
                                      "/dev/stdin"], in: scratch.url, input: Array(text.utf8))
        #expect(try findings(piped.standardOutput).map { [$0.line, $0.column] } == [[1, 1], [3, 1]], "\(piped.standardOutput)")
        #expect(!piped.standardOutput.contains("plugin/"))
        let data = scratch.url.appendingPathComponent("same.jsonl").path
        try text.write(toFile: data, atomically: true, encoding: .utf8)
        let transform = try Datalint.run(["check", "--no-progress", "--plugin", keepFirst, "--select", "keep-first,plugin", data])
        #expect(transform.status == 0, "\(transform.standardOutput)")
        #expect(!transform.standardOutput.contains("plugin/"), "\(transform.standardOutput)")
    }

    /// `finish` names records the check has moved past: their lines are read again from the file, so the findings sit at
    /// the value they name. From standard input, which cannot be read again, they sit at their lines' start.
    @Test(arguments: ["process", "none"])
    func aWholeDatasetPluginsFinishFindingsArePlacedAtTheirValues(isolation: String) throws {
        let scratch = try Scratch()
        let library = try build("repeats", into: scratch.url)
        let lines = [chat("Same question?"), chat("Other"), chat("Same question?")]
        let data = scratch.url.appendingPathComponent("repeats.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: data, atomically: true, encoding: .utf8)
        let arguments = ["check", "--no-progress", "--format", "json", "--plugin", library, "--plugin-isolation", isolation,
                         "--select", "repeats,plugin"]
        let fromFile = try findings(Datalint.run(arguments + [data], in: scratch.url).standardOutput)
        let valueColumn = #"{"messages":[{"role":"user","content":"#.count + 1
        let valueEnd = valueColumn + #""Same question?""#.count
        #expect(fromFile.map { [$0.line, $0.column, $0.endColumn] } == [[1, valueColumn, valueEnd], [3, valueColumn, valueEnd]])
        #expect(fromFile.allSatisfy { $0.code == "repeats/duplicate" })
        let fromStandardInput = try findings(Datalint.run(arguments + ["-"], in: scratch.url,
                                                          input: Array((lines.joined(separator: "\n") + "\n").utf8)).standardOutput)
        #expect(fromStandardInput.map { [$0.line, $0.column] } == [[1, 1], [3, 1]])
    }

    struct Finding: Decodable {
        let code: String
        let line: Int
        let column: Int
        let endColumn: Int
    }

    /// The diagnostics of `--format json` output, one JSON object a line.
    func findings(_ output: String) throws -> [Finding] {
        try output.split(separator: "\n").filter { $0.hasPrefix("{") && $0.contains("\"code\"") }
            .map { try JSONDecoder().decode(Finding.self, from: Data($0.utf8)) }
    }

    @Test func aConfigurationForAnUnknownStageIsReported() throws {
        let result = try check("trivial", trigger: "x", extra: ["--plugin-configuration", #"trivail={"a": 1}"#])
        #expect(result.standardError.contains("a configuration is given for the stage 'trivail', but no loaded plugin has that name"))
        let notAnObject = try check("trivial", trigger: "x", extra: ["--plugin-configuration", "trivial=[1]"])
        #expect(notAnObject.status == 2)
        #expect(notAnObject.standardError.contains("is not a JSON object"))
    }

    @Test func twoPluginsOfOneNameAreRefused() throws {
        let scratch = try Scratch()
        let library = try build("trivial", into: scratch.url)
        let copy = scratch.url.appendingPathComponent("libtrivial-copy.so").path
        try FileManager.default.copyItem(atPath: library, toPath: copy)
        let data = try dataset(in: scratch, trigger: "x")
        // The same file named twice is loaded once; two files declaring one stage name are refused.
        let twice = try Datalint.run(["check", "--no-progress", "--plugin", library, "--plugin", library, data], in: scratch.url)
        #expect(twice.status != 2)
        let result = try Datalint.run(["check", "--no-progress", "--plugin", library, "--plugin", copy, data], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.standardError.contains("both name their stage"))
    }

    @Test func aWorkspacePluginLoadsOnlyWhenTrusted() throws {
        let scratch = try Scratch()
        let library = try build("segfault", into: scratch.url)
        let data = try dataset(in: scratch, trigger: "CRASH")
        try "[plugins]\npaths = [\"\(library)\"]\n".write(to: scratch.url.appendingPathComponent("datalint.toml"), atomically: true,
                                                          encoding: .utf8)
        let untrusted = try Datalint.run(["check", "--no-progress", data], in: scratch.url)
        #expect(!untrusted.standardOutput.contains("plugin/"))
        #expect(untrusted.standardError.contains("they are not loaded unless you pass --trust"))
        let trusted = try Datalint.run(["check", "--no-progress", "--trust", data], in: scratch.url)
        #expect(trusted.standardOutput.contains("error[plugin/crashed]"))
    }

    @Test func theUsersOwnConfigurationLoadsPluginsWithoutTrust() throws {
        let scratch = try Scratch()
        let library = try build("segfault", into: scratch.url)
        let data = try dataset(in: scratch, trigger: "CRASH")
        let configuration = scratch.url.appendingPathComponent("xdg/datalint")
        try FileManager.default.createDirectory(at: configuration, withIntermediateDirectories: true)
        try "[plugins]\npaths = [\"\(library)\"]\n".write(to: configuration.appendingPathComponent("datalint.toml"), atomically: true,
                                                          encoding: .utf8)
        let result = try Datalint.run(["check", "--no-progress", data], in: scratch.url,
                                      environment: ["XDG_CONFIG_HOME": scratch.url.appendingPathComponent("xdg").path])
        #expect(result.standardOutput.contains("data.jsonl:3:1: error[plugin/crashed]"), "\(result.standardOutput)\(result.standardError)")
        #expect(!result.standardError.contains("--trust"))
    }

    @Test func inProcessPluginsReportLikeIsolatedOnes() throws {
        let scratch = try Scratch()
        let library = try build("out-of-range", into: scratch.url)
        let data = try dataset(in: scratch, trigger: "x")
        let isolated = try Datalint.run(["check", "--no-progress", "--plugin", library, "--select", "out-of-range,plugin", data])
        let inProcess = try Datalint.run(["check", "--no-progress", "--plugin", library, "--plugin-isolation", "none",
                                          "--select", "out-of-range,plugin", data])
        #expect(isolated.standardOutput == inProcess.standardOutput)
        #expect(isolated.standardOutput.contains("out-of-range/"))
    }
}

/// The example plugins of plugins/, built by the package next to the datalint binary.
@Suite struct ExamplePluginTests {
    func library(_ name: String) -> String {
        Datalint.executable.deletingLastPathComponent().appendingPathComponent("lib\(name).so").path
    }

    func write(_ lines: [String], configuration: String? = nil, in scratch: Scratch) throws -> String {
        let path = scratch.url.appendingPathComponent("data.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        if let configuration {
            try configuration.write(to: scratch.url.appendingPathComponent("datalint.toml"), atomically: true, encoding: .utf8)
        }
        return path
    }

    @Test(arguments: ["wordlist-filter", "refusal-detector", "whitespace-normalizer"])
    func everyExamplePassesPluginCheck(name: String) throws {
        let result = try Datalint.run(["plugin", "check", "--rounds", "50", library(name)])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("plugin \(name) "))
        #expect(result.standardOutput.hasSuffix("plugin check passed\n"))
    }

    @Test func pluginCheckFailsAPluginWhoseOutputIsInvalid() throws {
        let scratch = try Scratch()
        let build = Process()
        let repository = PluginCheckTests.repository
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["cc", "-shared", "-fPIC", "-I", repository.appendingPathComponent("protocol").path, "-o",
                           scratch.url.appendingPathComponent("libbad-json.so").path,
                           repository.appendingPathComponent("Tests/PluginHostTests/Fixtures/faulty/bad-json.c").path]
        try build.run()
        build.waitUntilExit()
        let result = try Datalint.run(["plugin", "check", scratch.url.appendingPathComponent("libbad-json.so").path])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("✗ line 1: plugin/invalid-output"))
    }

    @Test func theWordListFindsConfiguredWordsAtTheirValue() throws {
        let scratch = try Scratch()
        let data = try write([
            #"{"messages":[{"role":"user","content":"Ce café est DARN bon"},{"role":"assistant","content":"Merci."}]}"#,
            #"{"messages":[{"role":"user","content":"darnation is not a word here"},{"role":"assistant","content":"OK."}]}"#,
        ], configuration: "[plugin-configuration]\nwordlist-filter = '{\"words\": [\"darn\"]}'\n", in: scratch)
        let result = try Datalint.run(["check", "--no-progress", "--columns", "utf16", "--plugin", library("wordlist-filter"),
                                       "--select", "wordlist-filter,plugin", data])
        let findings = result.standardOutput.split(separator: "\n").filter { $0.contains("[wordlist-filter/match]") }
        #expect(findings.count == 1, "\(result.standardOutput)\(result.standardError)")
        #expect(findings.first?.hasPrefix("\(data):1:39:") == true)
    }

    @Test func refusalsInAssistantTurnsAreFlagged() throws {
        let scratch = try Scratch()
        let data = try write([
            #"{"messages":[{"role":"user","content":"Write a poem."},{"role":"assistant","content":"As an AI language model, I cannot write poems."}]}"#,
            #"{"messages":[{"role":"user","content":"As an AI language model, what do you think?"},{"role":"assistant","content":"I think it is fine."}]}"#,
        ], in: scratch)
        let result = try Datalint.run(["check", "--no-progress", "--plugin", library("refusal-detector"),
                                       "--select", "refusal-detector,plugin", data])
        let findings = result.standardOutput.split(separator: "\n").filter { $0.contains("[refusal-detector/refusal]") }
        #expect(findings.count == 1, "\(result.standardOutput)\(result.standardError)")
        #expect(findings.first?.contains("data.jsonl:1:") == true)
    }
}

@Suite struct StatsEncodingTests {
    @Test func statsCountsInTheConfiguredEncodingUnlessTold() throws {
        let scratch = try Scratch()
        let data = scratch.url.appendingPathComponent("data.jsonl").path
        try #"{"messages":[{"role":"user","content":"Hello there"},{"role":"assistant","content":"Hi!"}]}"#.appending("\n")
            .write(toFile: data, atomically: true, encoding: .utf8)
        try "[length]\nencoding = \"o200k_base\"\n".write(to: scratch.url.appendingPathComponent("datalint.toml"), atomically: true,
                                                            encoding: .utf8)
        let configured = try Datalint.run(["stats", "--format", "json", "--skip-checks", data])
        #expect(configured.standardOutput.contains(#""encoding": "o200k_base""#) || configured.standardOutput.contains(#""encoding":"o200k_base""#),
                "\(configured.standardOutput)")
        let told = try Datalint.run(["stats", "--format", "json", "--skip-checks", "--encoding", "cl100k_base", data])
        #expect(told.standardOutput.contains("cl100k_base"))
    }
}
