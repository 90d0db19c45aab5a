import Foundation
import Testing

@Suite struct ConfigurationAndWaiverTests {
    @Test func nearestConfigurationChangesSeverities() throws {
        let scratch = try Scratch()
        try scratch.write("datalint.toml", "[severity]\n\"format/unknown-role\" = \"warning\"\n")
        let file = try scratch.write("sub/typo.jsonl", Records.typo + "\n")
        let found = try jsonLines(try Datalint.run(["check", "--format", "json", "--select", "format/unknown-role", file]).standardOutput)
        #expect(found.first?["severity"] as? String == "warning")
    }

    @Test func unknownConfigurationKeyIsAnErrorWithItsLine() throws {
        let scratch = try Scratch()
        let config = try scratch.write("datalint.toml", "[check]\nfail_on = \"error\"\nfial_on = \"warning\"\n")
        let file = try scratch.write("a.jsonl", Records.good + "\n")
        let result = try Datalint.run(["check", file])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(config):3:1"))
        #expect(result.standardError.contains("fial_on"))
    }

    @Test func waiversSurviveReorderingAndGoStaleWhenTheRecordChanges() throws {
        let scratch = try Scratch()
        let original = [Records.good, Records.typo, Records.otherGood].joined(separator: "\n") + "\n"
        let file = try scratch.write("data.jsonl", original)
        let adding = try Datalint.run(["check", "--add-waivers", "data.jsonl"], in: scratch.url)
        #expect(adding.status == 0)
        #expect(adding.standardError.contains("added 1 waiver to .datalint-waivers"))
        let waivers = try scratch.read(".datalint-waivers")
        #expect(waivers.contains("format/unknown-role  xxh3:"))

        try scratch.write("data.jsonl", [Records.typo, Records.good].joined(separator: "\n") + "\n")
        let reordered = try Datalint.run(["check", "data.jsonl"], in: scratch.url)
        #expect(reordered.status == 0)
        #expect(reordered.standardOutput.contains("(1 waived)"))

        let edited = Records.typo.replacingOccurrences(of: "Hello!", with: "Hello there!")
        try scratch.write("data.jsonl", edited + "\n")
        let stale = try Datalint.run(["check", "--format", "json", "data.jsonl"], in: scratch.url)
        let codes = try jsonLines(stale.standardOutput).compactMap { $0["code"] as? String }
        #expect(codes.contains("format/unknown-role"))
        #expect(codes.filter { $0 == "waiver/stale" }.count == 1)
        _ = file
    }

    @Test func inputsAreNeverModified() throws {
        let scratch = try Scratch()
        let text = Records.typo + "\n\n"
        let file = try scratch.write("data.jsonl", text)
        _ = try Datalint.run(["check", "--add-waivers", file], in: scratch.url)
        #expect(try scratch.read("data.jsonl") == text)
    }
}
