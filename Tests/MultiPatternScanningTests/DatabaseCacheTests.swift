import Foundation
import MultiPatternScanning
import Testing

/// The on-disk cache must give a database that scans exactly like a freshly compiled one, and must never use a
/// file it cannot trust.
@Suite struct DatabaseCacheTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("datalint-hsdb-\(UUID().uuidString)")
    let patterns = [Pattern(id: 3, expression: "AKIA[0-9A-Z]{16}"), Pattern(id: 4, expression: "ghp_[A-Za-z0-9]{36}")]
    let text = Array("key AKIAIOSFODNN7EXAMPLE and ghp_0123456789abcdefghijklmnopqrstuvwxyz.".utf8)

    func cachedFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
    }

    func matches(_ database: PatternDatabase) throws -> [Match] {
        try Scratch(for: database).scan(text)
    }

    @Test func aStoredDatabaseIsLoadedAndScansLikeACompiledOne() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = PatternDatabaseCache(directory: directory)
        let first = try cache.database(for: patterns)
        #expect(try cachedFiles().count == 1)
        let stored = try Data(contentsOf: try cachedFiles()[0])
        let second = try PatternDatabaseCache(directory: directory).database(for: patterns)
        #expect(try matches(second) == matches(try PatternDatabase(patterns)))
        #expect(try matches(second) == matches(first))
        #expect(try Data(contentsOf: try cachedFiles()[0]) == stored, "a loaded database is not written again")
    }

    @Test func aDamagedFileIsReplacedByACompiledDatabase() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = PatternDatabaseCache(directory: directory)
        _ = try cache.database(for: patterns)
        let file = try cachedFiles()[0]
        var damaged = try Data(contentsOf: file)
        damaged.replaceSubrange((damaged.count - 64)..<damaged.count, with: Data(repeating: 0xFF, count: 64))
        try damaged.write(to: file)
        #expect(try matches(cache.database(for: patterns)).count == 2)
        try Data("not a database".utf8).write(to: file)
        #expect(try matches(cache.database(for: patterns)).count == 2)
        #expect(try Data(contentsOf: file).count > 1_000, "the bad file was replaced")
    }

    @Test func otherPatternsGetAFileOfTheirOwn() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = PatternDatabaseCache(directory: directory)
        _ = try cache.database(for: patterns)
        let other = try cache.database(for: [Pattern(id: 3, expression: "AKIA[0-9A-Z]{16}")])
        #expect(try matches(other).map(\.id) == [3])
        #expect(try cachedFiles().count == 2)
    }

    @Test func anUnwritableDirectoryOnlyCostsTheCompile() throws {
        let cache = PatternDatabaseCache(directory: URL(fileURLWithPath: "/proc/datalint-cannot-write-here"))
        #expect(try matches(cache.database(for: patterns)).count == 2)
    }
}
