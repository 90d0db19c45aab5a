/// Brings a database's schema up to the newest version this build knows, one numbered step at a time.
///
/// Each migration is registered under the schema version it produces (1, 2, 3, …, increasing). The version
/// reached is stored in the file header (`user_version`). `migrate` reads it and applies every newer
/// migration in order, all in one transaction, so a failure leaves the database as it was.
///
/// The version is read inside that (immediate, write-locked) transaction: when the language server and a
/// CLI run open a new workspace at the same moment, the second waits for the first and then finds nothing
/// left to do, instead of applying the migrations twice.
///
/// A migrator is `Sendable` (its migrations are `@Sendable`), so it can be a `static let` beside the schema.
public struct Migrator: Sendable {
    public typealias Migration = @Sendable (Connection) throws -> Void

    private var migrations: [(version: Int, migrate: Migration)] = []

    public init() {}

    /// The version the newest registered migration produces; 0 when there is none.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Registers the migration that takes the schema to `version`. Versions must be registered in
    /// increasing order and fit `user_version` (a 32-bit integer); anything else is a programming error.
    public mutating func register(version: Int, _ migration: @escaping Migration) {
        precondition(version > latestVersion, "migration \(version) registered after \(latestVersion)")
        precondition(version <= Int(Int32.max), "migration version \(version) does not fit user_version")
        migrations.append((version, migration))
    }

    /// Applies the migrations the database has not seen yet and returns their versions (empty when it was
    /// up to date). Needs a writable connection.
    ///
    /// Throws `MigrationError.databaseIsNewer` when the database is past `latestVersion`, and whatever a
    /// migration throws (after rolling everything back).
    @discardableResult
    public func migrate(_ connection: Connection) throws -> [Int] {
        try connection.transaction {
            let current = try connection.userVersion()
            guard current <= latestVersion else {
                throw MigrationError.databaseIsNewer(found: current, known: latestVersion)
            }
            let pending = migrations.filter { $0.version > current }
            for step in pending {
                try step.migrate(connection)
            }
            if let last = pending.last {
                try connection.setUserVersion(last.version)
            }
            return pending.map(\.version)
        }
    }
}
