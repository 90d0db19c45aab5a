internal import CVectorscan

/// The working memory one caller needs to scan with a `PatternDatabase`, and the only way to scan.
///
/// Vectorscan writes into its scratch during every scan, so a scratch must never be used by two scans at
/// once. The type enforces that confinement at compile time:
///
/// - `Scratch` is deliberately not `Sendable`, so it cannot be shared between tasks, threads or actors. Each
///   scratch lives in one isolation domain (one task, one actor) at a time.
/// - A new scratch (from `init(for:)` or `clone()`) is a fresh, unshared value, so Swift's region-based
///   isolation lets it be *handed over* to exactly one other task, e.g. captured by one `addTask` closure.
///   After the hand-over the original owner can no longer touch it.
/// - Scanning is synchronous and runs no caller code while Vectorscan holds the scratch, so a scan can never
///   re-enter itself on the same scratch.
///
/// To scan from N workers, clone one scratch N times and give one clone to each worker:
///
///     let prototype = try Scratch(for: database)
///     try await withThrowingTaskGroup(of: [Match].self) { group in
///         for chunk in chunks {
///             let worker = try prototype.clone()
///             group.addTask { try worker.scan(chunk) }
///         }
///         …
///     }
///
/// A scratch keeps its database alive. It is a few kilobytes to a few hundred; make one per worker and reuse
/// it for every record, never one per record.
public final class Scratch {
    /// The database this scratch scans with.
    public let database: PatternDatabase
    /// `hs_scratch_t *`, owned by this object alone.
    let pointer: OpaquePointer

    /// A scratch for scanning with `database`.
    public init(for database: PatternDatabase) throws(VectorscanError) {
        var scratch: OpaquePointer?
        let result = hs_alloc_scratch(database.pointer, &scratch)
        guard result == HS_SUCCESS, let scratch else {
            throw VectorscanError(code: result, operation: "hs_alloc_scratch")
        }
        self.database = database
        self.pointer = scratch
    }

    private init(database: PatternDatabase, pointer: OpaquePointer) {
        self.database = database
        self.pointer = pointer
    }

    deinit {
        hs_free_scratch(pointer)
    }

    /// A new scratch for the same database, to hand to another worker. The result shares nothing with this
    /// scratch (`sending`), so it may be moved to another task.
    public func clone() throws(VectorscanError) -> sending Scratch {
        var copy: OpaquePointer?
        let result = hs_clone_scratch(pointer, &copy)
        guard result == HS_SUCCESS, let copy else {
            throw VectorscanError(code: result, operation: "hs_clone_scratch")
        }
        // Region analysis assumes the pointer hs_clone_scratch hands back may alias this scratch's (pointers
        // are not Sendable, and the arguments of one call share a region), which would tie the clone to this
        // scratch and forbid `sending` it. It cannot alias: hs_clone_scratch allocates a new block and copies
        // into it. Rebuilding the pointer from its address (a plain integer) states that; `nonisolated(unsafe)`
        // on a local does not, as of Swift 6.3.
        let fresh = OpaquePointer(bitPattern: UInt(bitPattern: copy))!
        return Scratch(database: database, pointer: fresh)
    }

    /// The scratch's size in bytes.
    public var sizeInBytes: Int {
        var size = 0
        return hs_scratch_size(pointer, &size) == HS_SUCCESS ? size : 0
    }
}

// Sending a scratch is fine (see above); sharing one is not. Spelling the missing conformance out keeps a
// later "fix" from adding it.
@available(*, unavailable, message: "a Scratch must not be shared; clone() one per task instead")
extension Scratch: Sendable {}
