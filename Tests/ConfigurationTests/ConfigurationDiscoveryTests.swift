import Configuration
import Testing

@Test func discoveryWalksUpToTheNearestConfiguration() throws {
    let root = try TemporaryDirectory()
    let top = try root.write("[check]\n", to: "repo/datalint.toml")
    try root.write("{}\n", to: "repo/data/chat/train.jsonl")
    #expect(ConfigurationDiscovery.nearestConfiguration(forDatasetAt: root.path + "/repo/data/chat/train.jsonl") == top)
    #expect(ConfigurationDiscovery.nearestConfiguration(from: root.path + "/repo/data") == top)
}

@Test func theFirstConfigurationFoundWins() throws {
    let root = try TemporaryDirectory()
    try root.write("[check]\n", to: "repo/datalint.toml")
    let inner = try root.write("[check]\n", to: "repo/data/datalint.toml")
    #expect(ConfigurationDiscovery.nearestConfiguration(forDatasetAt: root.path + "/repo/data/train.jsonl") == inner)
}

@Test func aDirectoryNamedLikeTheConfigurationIsSkipped() throws {
    let root = try TemporaryDirectory()
    let top = try root.write("[check]\n", to: "datalint.toml")
    try root.makeDirectory("repo/datalint.toml")
    #expect(ConfigurationDiscovery.nearestConfiguration(from: root.path + "/repo") == top)
}

@Test func discoveryResolvesDotDotAndRelativePaths() throws {
    let root = try TemporaryDirectory()
    let top = try root.write("[check]\n", to: "a/datalint.toml")
    try root.makeDirectory("a/b/c")
    #expect(ConfigurationDiscovery.nearestConfiguration(from: root.path + "/a/b/c/../c/./") == top)
}

@Test func discoveryFindsNothingBelowWhenNoneExists() throws {
    let root = try TemporaryDirectory()
    try root.makeDirectory("x/y")
    let found = ConfigurationDiscovery.nearestConfiguration(from: root.path + "/x/y")
    // Some ancestor of the temporary directory may hold one; none inside it does.
    #expect(found.map { !$0.hasPrefix(root.path) } ?? true)
}

@Test func loadNearestLoadsTheDiscoveredFile() throws {
    let root = try TemporaryDirectory()
    try root.write("[check]\nfail_on = \"info\"\n", to: "p/datalint.toml")
    let loaded = try #require(try testLoader.loadNearest(toDatasetAt: root.path + "/p/d/train.jsonl"))
    #expect(loaded.path == root.path + "/p/datalint.toml")
    #expect(loaded.settings.failOn == .info)
    #expect(loaded.settings.waiverFile == root.path + "/p/.datalint-waivers")
}

@Test func loadNearestReportsProblemsWithTheFoundPath() throws {
    let root = try TemporaryDirectory()
    let path = try root.write("[check]\nfail_on = \"sometimes\"\n", to: "datalint.toml")
    #expect(throws: ConfigurationError.self) { try testLoader.loadNearest(toDatasetAt: root.path + "/t.jsonl") }
    do {
        _ = try testLoader.loadNearest(toDatasetAt: root.path + "/t.jsonl")
    } catch {
        #expect(error.problems.first?.description.hasPrefix("\(path):2:11: ") == true)
    }
}
