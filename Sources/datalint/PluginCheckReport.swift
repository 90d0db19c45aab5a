import Diagnostics
import Foundation
import PluginHost
import StageKit

/// What `datalint plugin check` found, as lines of text.
struct PluginCheckReport {
    private(set) var text = ""
    private var failed = false

    /// Runs every check; returns the exit status (0 passed, 1 a check failed, 2 the plugin cannot be used).
    mutating func check(path: String, configuration: String, samples: [String], rounds: Int, workerCommand: [String]) -> Int32 {
        let limits = IsolationLimits(timeout: 10, memoryBytes: 2 << 30, restarts: 0)
        let descriptor: PluginDescriptor
        do {
            descriptor = try PluginSet.describe(path, workerCommand: workerCommand, limits: limits)
        } catch {
            line("✗ \(error)")
            return 2
        }
        describe(descriptor)
        let runner: PluginRunner
        do {
            runner = try PluginRunner(path: path, configuration: configuration, isolation: .process,
                                      workerCommand: workerCommand, limits: limits)
            pass("created with configuration \(configuration)")
        } catch {
            fail("\(error)")
            return 1
        }
        let log = LogLines()
        let stage = PluginStage(runner: runner, log: { log.append($0) })
        let bytes = Array(samples.joined(separator: "\n").utf8)
        let batch = Self.batch(bytes)
        var diagnostics: [Diagnostic] = []
        stage.check(batch, into: &diagnostics)
        judge(diagnostics, records: batch.count)
        judgeMemory(stage: stage, batch: batch, rounds: rounds, runner: runner)
        var finished: [Diagnostic] = []
        stage.finishFile(into: &finished)
        let finishProblems = finished.filter { $0.code.family == "plugin" }
        if finishProblems.isEmpty { pass("finish") } else { fail("finish: " + finishProblems.map(\.message).joined(separator: "; ")) }
        for message in log.lines.prefix(10) { line("  log: \(message)") }
        line(failed ? "plugin check failed" : "plugin check passed")
        return failed ? 1 : 0
    }

    private mutating func describe(_ descriptor: PluginDescriptor) {
        line("plugin \(descriptor.name) \(descriptor.version) (stage ABI \(descriptor.abiMajor).\(descriptor.abiMinor)): \(descriptor.description)")
        var capabilities: [String] = []
        if descriptor.capabilities.contains(.checks) { capabilities.append("checks") }
        if descriptor.capabilities.contains(.transforms) { capabilities.append("transforms") }
        if descriptor.capabilities.contains(.needsWholeDataset) { capabilities.append("needs the whole dataset") }
        if descriptor.capabilities.contains(.threadSafe) { capabilities.append("thread-safe") }
        line("  capabilities: " + (capabilities.isEmpty ? "none" : capabilities.joined(separator: ", ")))
        if capabilities.isEmpty { fail("the descriptor declares no capability (checks or transforms)") }
        if descriptor.version.isEmpty || descriptor.description.isEmpty { fail("the descriptor's version or description is empty") }
        if let schema = descriptor.configurationSchema {
            if (try? JSONSerialization.jsonObject(with: Data(schema.utf8))) is [String: Any] {
                pass("configuration schema is a JSON object")
            } else {
                fail("configuration_schema is not a JSON object")
            }
        }
        pass("descriptor")
    }

    private mutating func judge(_ diagnostics: [Diagnostic], records: Int) {
        let problems = diagnostics.filter { $0.code.family == "plugin" }
        let findings = diagnostics.count - problems.count
        if problems.isEmpty {
            pass("\(records) sample records: \(findings) finding\(findings == 1 ? "" : "s"), each inside its record")
        } else {
            for problem in problems.prefix(20) { fail("line \(problem.line + 1): \(problem.code): \(problem.message)") }
        }
    }

    /// Runs the samples again and again and compares the worker's resident memory early and late: a plugin that
    /// keeps what it should free grows with every round.
    private mutating func judgeMemory(stage: PluginStage, batch: RecordBatch, rounds: Int, runner: PluginRunner) {
        var ignored: [Diagnostic] = []
        let warmUp = min(10, rounds)
        for _ in 0..<warmUp { stage.check(batch, into: &ignored) }
        guard let before = runner.workerResidentBytes else { return }
        for _ in warmUp..<rounds { stage.check(batch, into: &ignored) }
        guard let after = runner.workerResidentBytes else {
            fail("the worker ended while the samples were repeated")
            return
        }
        let grown = after - before
        let summary = String(format: "resident memory %.1f → %.1f MB over %d rounds", Double(before) / 1e6, Double(after) / 1e6, rounds)
        if grown > 1 << 20 && Double(grown) > 0.03 * Double(before) {
            fail(summary + ": it keeps growing (a leak?)")
        } else {
            pass(summary)
        }
    }

    static func batch(_ bytes: [UInt8]) -> RecordBatch {
        var lines: [Int] = [], ranges: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            ranges.append(start..<index)
            start = index + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        lines = Array(ranges.indices)
        return RecordBatch(storage: bytes, lines: lines, ranges: ranges)
    }

    private mutating func pass(_ message: String) { line("  ✓ " + message) }

    private mutating func fail(_ message: String) {
        failed = true
        line("  ✗ " + message)
    }

    private mutating func line(_ message: String) { text += message + "\n" }
}

/// Log lines a plugin wrote during the check.
private final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}
