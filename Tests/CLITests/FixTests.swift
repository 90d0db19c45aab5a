import Foundation
import Testing

@Suite struct FixTests {
    @Test func fixRewritesTheFileAndReportsWhatIsLeft() throws {
        let scratch = try Scratch()
        let broken = #"{"messages":[{"role":"user","content":"Q"},{"role":"user","content":"again"}]}"#
        try scratch.write("data.jsonl", [Records.typo, "", broken].joined(separator: "\n") + "\n")
        let result = try Datalint.run(["check", "--fix", "--format", "json", "data.jsonl"], in: scratch.url)
        #expect(result.standardError.contains("fixed 2 problems in data.jsonl"))
        #expect(try scratch.read("data.jsonl") == [Records.typo.replacingOccurrences(of: "assitant", with: "assistant"), broken]
            .joined(separator: "\n") + "\n")
        let left = try jsonLines(result.standardOutput).compactMap { $0["code"] as? String }
        #expect(left.contains("format/consecutive-roles"))
        #expect(!left.contains("format/unknown-role"))
    }

    @Test func withoutFixTheInputIsNeverTouched() throws {
        let scratch = try Scratch()
        let text = Records.typo + "\n\n"
        try scratch.write("data.jsonl", text)
        _ = try Datalint.run(["check", "data.jsonl"], in: scratch.url)
        #expect(try scratch.read("data.jsonl") == text)
    }

    @Test func waivedProblemsAreNotFixed() throws {
        let scratch = try Scratch()
        try scratch.write("data.jsonl", Records.typo + "\n")
        _ = try Datalint.run(["check", "--add-waivers", "data.jsonl"], in: scratch.url)
        let result = try Datalint.run(["check", "--fix", "data.jsonl"], in: scratch.url)
        #expect(result.status == 0)
        #expect(try scratch.read("data.jsonl") == Records.typo + "\n")
    }

    @Test func compressedFilesAreNotRewritten() throws {
        let scratch = try Scratch()
        let plain = try scratch.write("data.jsonl", Records.typo + "\n")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = [plain]
        try gzip.run()
        gzip.waitUntilExit()
        let result = try Datalint.run(["check", "--fix", plain + ".gz"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("does not rewrite gzip-compressed files"))
    }
}
