import Diagnostics
import Foundation
import PluginHost
import StageKit
import Testing

/// Where a whole-dataset plugin's `finish` findings land: exactly, when the host gives it the dataset's records (the
/// editor), and at the line's start when it has none (a check, which streams the file). The plugin is the `repeats`
/// fixture, compiled with `cc` as an author would and loaded in this process.
@Suite struct FinishPlacementTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let lines = [
        #"{"messages":[{"role":"user","content":"Same question?"},{"role":"assistant","content":"A."}]}"#,
        #"{"messages":[{"role":"user","content":"Another one"},{"role":"assistant","content":"B."}]}"#,
        #"{"messages": [{"role": "user", "content": "Same question?"}, {"role": "assistant", "content": "C."}]}"#,
    ]

    static func load(_ name: String) throws -> PluginStage {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("datalint-finish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }  // a loaded library needs no file
        let library = directory.appendingPathComponent("lib\(name).so").path
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compiler.arguments = ["cc", "-shared", "-fPIC", "-I", repository.appendingPathComponent("protocol").path, "-o", library,
                              repository.appendingPathComponent("Tests/PluginHostTests/Fixtures/faulty/\(name).c").path]
        try compiler.run()
        compiler.waitUntilExit()
        try #require(compiler.terminationStatus == 0, "cc failed on \(name).c")
        return PluginStage(runner: try PluginRunner(path: library, isolation: .none), log: { _ in })
    }

    /// The records of `numbers` (lines of `lines`), one after another as a check's chunk holds them.
    static func batch(_ numbers: [Int]) -> RecordBatch {
        var batch = RecordBatch()
        for line in numbers { batch.append(line: line, text: lines[line].utf8) }
        return batch
    }

    /// (line, first byte, end byte) of the repeated prompt's value, quotes included, in `lines[line]`.
    static func prompt(on line: Int) -> (Int, Int, Int) {
        let text = lines[line]
        let value = text.range(of: #""Same question?""#)!
        return (line, text.utf8.distance(from: text.startIndex, to: value.lowerBound),
                text.utf8.distance(from: text.startIndex, to: value.upperBound))
    }

    static func places(_ found: [Diagnostic]) -> [(Int, Int, Int)] {
        found.map { ($0.range.start.line, $0.range.start.utf8Column, $0.range.end.utf8Column) }
    }

    @Test func finishFindingsByPointerAreExactGivenTheRecordsAndAtLineStartWithout() throws {
        let stage = try Self.load("repeats")
        let all = Self.batch([0, 1, 2])
        var streamed: [Diagnostic] = []
        stage.check(all, into: &streamed)
        #expect(streamed.isEmpty, "the plugin reports only in finish")
        stage.finishFile(into: &streamed)
        #expect(streamed.map(\.code.rawValue) == ["repeats/duplicate", "repeats/duplicate"])
        #expect(Self.places(streamed).elementsEqual([(0, 0, 0), (2, 0, 0)], by: ==))
        #expect(streamed.allSatisfy { $0.fixes.isEmpty })

        // The instance started over: the same records again give the same findings, now at the prompt itself.
        var placed: [Diagnostic] = []
        stage.check(all, into: &placed)
        stage.finishFile(resolvingIn: all, into: &placed)
        #expect(placed.map(\.code.rawValue) == ["repeats/duplicate", "repeats/duplicate"])
        #expect(Self.places(placed).elementsEqual([Self.prompt(on: 0), Self.prompt(on: 2)], by: ==))
        #expect(placed.map(\.message) == ["this prompt is in 2 records (first on line 1)",
                                          "this prompt is in 2 records (first on line 1)"])
        for finding in placed {
            let edit = try #require(finding.fixes.first?.edits.first)
            #expect(edit.range == finding.range)
            #expect(edit.newText == #""""#)
        }
    }

    @Test func aFinishFindingOnALineNotAmongTheRecordsIsInvalidOutput() throws {
        let stage = try Self.load("repeats")
        var found: [Diagnostic] = []
        stage.check(Self.batch([0, 1, 2]), into: &found)
        stage.finishFile(resolvingIn: Self.batch([0, 1]), into: &found)
        #expect(found.map(\.code.rawValue) == ["repeats/duplicate", "plugin/invalid-output"])
        #expect(Self.places([found[0]]).elementsEqual([Self.prompt(on: 0)], by: ==))
        #expect(found[1].message == "plugin repeats reported repeats/duplicate for the record of line 3, which is not in the dataset (lines 1–2)")
        #expect(found[1].line == 0)
    }
}
