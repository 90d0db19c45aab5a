import Foundation

/// Compiled databases kept on disk between processes, so that a pattern set is compiled once per machine
/// rather than once per run: the pii stage's triggers take some 40 ms to compile and 0.05 ms to load.
///
/// Best effort: a cache that cannot be read or written costs the compile and nothing else. A file holds the
/// full description of what it was compiled from (patterns, flags, ids, Vectorscan version, CPU), compared
/// byte for byte before it is used, and is written to a temporary file then renamed, so processes sharing the
/// cache never see half a file. Databases hold compiled patterns only, never scanned text.
public struct PatternDatabaseCache: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/datalint/vectorscan`, else `~/.cache/datalint/vectorscan`; nil without a home directory.
    public static var user: PatternDatabaseCache? {
        let environment = ProcessInfo.processInfo.environment
        let base: URL
        if let cacheHome = environment["XDG_CACHE_HOME"], cacheHome.hasPrefix("/") {
            base = URL(fileURLWithPath: cacheHome)
        } else if let home = environment["HOME"], !home.isEmpty {
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache")
        } else {
            return nil
        }
        return PatternDatabaseCache(directory: base.appendingPathComponent("datalint/vectorscan"))
    }

    /// The database for `patterns`, loaded from the cache or compiled (and then stored).
    public func database(for patterns: [Pattern]) throws(PatternCompileError) -> PatternDatabase {
        let description = Self.description(of: patterns)
        let file = directory.appendingPathComponent("\(Self.fingerprint(description)).hsdb")
        if let stored = try? Data(contentsOf: file), let database = Self.database(in: stored, described: description,
                                                                                    patterns: patterns) {
            return database
        }
        let database = try PatternDatabase(patterns)
        if let serialized = database.serialized() { store(serialized, described: description, at: file) }
        return database
    }

    private static let magic = Array("datalint vectorscan database 2\n".utf8)

    private static func description(of patterns: [Pattern]) -> [UInt8] {
        var text = PatternDatabase.platformDescription + "\n"
        for pattern in patterns { text += "\(pattern.id) \(pattern.flags.rawValue) \(pattern.expression.utf8.count) \(pattern.expression)\n" }
        return Array(text.utf8)
    }

    /// FNV-1a: the file name (from the description, which is also compared in full) and the check of the
    /// database's bytes (Vectorscan would take damaged bytes for a database).
    private static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    private static func fingerprint(_ description: [UInt8]) -> String { String(fnv1a(description), radix: 16) }

    private static func littleEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    private static func readLittleEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// File layout: magic, the description's length (8 bytes, little-endian), the description, the database's
    /// checksum (8 bytes), the database.
    private static func database(in file: Data, described description: [UInt8], patterns: [Pattern]) -> PatternDatabase? {
        let bytes = [UInt8](file)
        let descriptionStart = magic.count + 8
        let databaseStart = descriptionStart + description.count + 8
        guard bytes.count > databaseStart, Array(bytes[..<magic.count]) == magic,
              readLittleEndian(bytes[magic.count..<descriptionStart]) == UInt64(description.count),
              bytes[descriptionStart..<(descriptionStart + description.count)].elementsEqual(description),
              readLittleEndian(bytes[(databaseStart - 8)..<databaseStart]) == fnv1a(bytes[databaseStart...])
        else { return nil }
        return PatternDatabase(deserializing: Array(bytes[databaseStart...]), patterns: patterns)
    }

    private func store(_ serialized: [UInt8], described description: [UInt8], at file: URL) {
        var contents = Self.magic
        contents += Self.littleEndian(UInt64(description.count))
        contents += description
        contents += Self.littleEndian(Self.fnv1a(serialized))
        contents += serialized
        // A name no other writer can have (processes in different containers may share a PID and a cache).
        let temporary = directory.appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            // Private to the user: a database is executable bytecode for Vectorscan, so no one else may plant one.
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try Data(contents).write(to: temporary)
            if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }
}
