import Foundation
import Testing
@testable import Tokenization

private func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "datalint-tokenization-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Test func anExplicitDirectoryIsTheOnlyPlaceSearched() {
    let locator = RankFileLocator(explicitPath: "/opt/vocab", environment: ["DATALINT_TIKTOKEN_DIR": "/elsewhere"])
    #expect(locator.candidates(for: .cl100kBase) == ["/opt/vocab/cl100k_base.tiktoken"])
}

@Test func anExplicitFileIsUsedAsIs() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let file = directory + "/my-vocabulary"
    #expect(FileManager.default.createFile(atPath: file, contents: Data()))
    #expect(RankFileLocator(explicitPath: file, environment: [:]).candidates(for: .o200kBase) == [file])
}

@Test func theEnvironmentVariableIsTheOnlyPlaceSearchedWhenSet() {
    let locator = RankFileLocator(environment: ["DATALINT_TIKTOKEN_DIR": "/ci/tiktoken/", "HOME": "/home/u"])
    #expect(locator.candidates(for: .o200kBase) == ["/ci/tiktoken/o200k_base.tiktoken"])
}

@Test func theDefaultsAreTheUserDataDirectoryThenSystemOnesThenTiktokensCache() {
    let locator = RankFileLocator(environment: ["HOME": "/home/u"])
    #expect(locator.candidates(for: .cl100kBase) == [
        "/home/u/.local/share/datalint/tiktoken/cl100k_base.tiktoken",
        "/usr/local/share/datalint/tiktoken/cl100k_base.tiktoken",
        "/usr/share/datalint/tiktoken/cl100k_base.tiktoken",
        "/tmp/data-gym-cache/9b5ad71b2ce5302211f9c61530b329a4922fc6a4",
    ])
    let xdg = RankFileLocator(environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/data", "XDG_DATA_DIRS": "/sys1:/sys2",
                                            "TIKTOKEN_CACHE_DIR": "/cache"])
    #expect(xdg.candidates(for: .o200kBase) == [
        "/data/datalint/tiktoken/o200k_base.tiktoken",
        "/sys1/datalint/tiktoken/o200k_base.tiktoken",
        "/sys2/datalint/tiktoken/o200k_base.tiktoken",
        "/cache/fb374d419588a4632f3f557e76b4b70aebbca790",
    ])
}

@Test func aMissingFileNamesEveryPlaceSearchedAndHowToInstall() {
    let locator = RankFileLocator(environment: ["DATALINT_TIKTOKEN_DIR": "/nonexistent"])
    do {
        _ = try locator.locate(.cl100kBase)
        Issue.record("found a file in /nonexistent")
    } catch {
        #expect(error.searched == ["/nonexistent/cl100k_base.tiktoken"])
        #expect(error.description.contains("install_rank_files.py"))
        #expect(error.description.contains("DATALINT_TIKTOKEN_DIR"))
    }
}

@Test func aFileThatIsNotTiktokensIsRefusedByItsChecksum() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(FileManager.default.createFile(atPath: directory + "/cl100k_base.tiktoken", contents: Data("YQ== 0\n".utf8)))
    do {
        _ = try BPETokenizer(encoding: .cl100kBase, locator: RankFileLocator(explicitPath: directory))
        Issue.record("loaded a one-token file as cl100k_base")
    } catch {
        guard case .checksumMismatch(let path, _, _) = error else { Issue.record("\(error)"); return }
        #expect(path == directory + "/cl100k_base.tiktoken")
    }
}
