import Testing
import Waivers

@Test func datasetPathsAreMadeRelativeToTheWaiverFile() throws {
    let waivers = try parse("", path: "/repo/.datalint-waivers")
    #expect(waivers.relativePath(ofDataset: "data/train.jsonl", currentDirectory: "/repo") == "data/train.jsonl")
    #expect(waivers.relativePath(ofDataset: "train.jsonl", currentDirectory: "/repo/data") == "data/train.jsonl")
    #expect(waivers.relativePath(ofDataset: "../repo/data/./x.jsonl", currentDirectory: "/repo") == "data/x.jsonl")
    #expect(waivers.relativePath(ofDataset: "/repo/data/x.jsonl", currentDirectory: "/elsewhere") == "data/x.jsonl")
    #expect(waivers.relativePath(ofDataset: "/other/x.jsonl", currentDirectory: "/") == "../other/x.jsonl")
}

@Test func relativeWaiverFilePathsAreTakenFromTheCurrentDirectory() throws {
    let waivers = try parse("", path: "lint/waivers")
    #expect(waivers.directory == "lint")
    #expect(waivers.relativePath(ofDataset: "data/x.jsonl", currentDirectory: "/repo") == "../data/x.jsonl")
    #expect(waivers.relativePath(ofDataset: "lint/x.jsonl", currentDirectory: "/repo") == "x.jsonl")
}

@Test func sameDatasetGetsTheSameNameFromAnyDirectory() throws {
    let waivers = try parse("", path: "/repo/.datalint-waivers")
    let names = [("/repo", "data/t.jsonl"), ("/repo/data", "t.jsonl"), ("/tmp", "/repo/data/t.jsonl"),
                 ("/repo/data/sub", "../t.jsonl")]
        .map { waivers.relativePath(ofDataset: $0.1, currentDirectory: $0.0) }
    #expect(Set(names) == ["data/t.jsonl"])
}
