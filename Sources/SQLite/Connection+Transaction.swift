// Transactions.
extension Connection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it (or the commit) throws.
    ///
    /// The transaction is `BEGIN IMMEDIATE`: it takes the write lock up front, waiting up to the busy
    /// timeout. A deferred transaction that reads first and writes later can fail with SQLITE_BUSY at the
    /// write without the busy timeout ever applying (its snapshot is stale), which is exactly the failure
    /// two processes sharing the index would hit.
    ///
    /// Called inside another transaction, it runs as a savepoint, so the inner work can roll back alone.
    /// `body` is synchronous on purpose: a suspension inside it would let its owner run other work in the
    /// middle of the transaction.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction {
            return try savepoint(body)
        }
        try execute("BEGIN IMMEDIATE", [])
        do {
            let result = try body()
            try execute("COMMIT", [])
            return result
        } catch {
            // Some errors (a full disk, an interrupt) make SQLite roll back by itself; rolling back again
            // would fail and hide the error that matters.
            if isInTransaction {
                try? execute("ROLLBACK", [])
            }
            throw error
        }
    }

    private func savepoint<T>(_ body: () throws -> T) throws -> T {
        // Savepoint names may repeat: ROLLBACK TO and RELEASE act on the innermost one with the name.
        try execute("SAVEPOINT datalint_nested", [])
        do {
            let result = try body()
            try execute("RELEASE datalint_nested", [])
            return result
        } catch {
            if isInTransaction {
                try? execute("ROLLBACK TO datalint_nested", [])
                try? execute("RELEASE datalint_nested", [])
            }
            throw error
        }
    }
}
