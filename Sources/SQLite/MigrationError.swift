/// Why a database's schema could not be brought up to date.
public enum MigrationError: Error, Sendable, Equatable {
    /// The database was written by a newer datalint (its `user_version` is `found`; this build knows
    /// versions up to `known`). Its layout is unknown here, so reading it would be guesswork: the caller
    /// should rebuild the index (or leave it to the newer build) rather than use it.
    case databaseIsNewer(found: Int, known: Int)
}
