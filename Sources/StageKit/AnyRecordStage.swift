import Diagnostics
import RecordScanner

/// A type-erased stage, so a pipeline can hold stages of different kinds.
///
/// Erasure happens once per chunk of records, not once per record: a `ChunkRun` collects typed facts for a
/// whole chunk and hands them over as one value.
public struct AnyRecordStage: Sendable {
    public let name: String
    public let codes: [CodeDescriptor]
    @usableFromInline let makeRun: @Sendable () -> any ChunkRun
    @usableFromInline let makeFileAggregate: @Sendable () -> any FileAggregate
    @usableFromInline let checkOne: @Sendable (ParsedRecord, inout [Diagnostic]) -> any Sendable
    @usableFromInline let compareFacts: @Sendable (any Sendable, any Sendable) -> Bool

    /// Inlinable so that the typed chunk run is specialized for the concrete stage where it is wrapped: run as
    /// unspecialized generic code, every record asked the runtime for its facts' type metadata, which cost more
    /// than some stages' checks.
    @inlinable
    public init<Stage: RecordStage>(_ stage: Stage) {
        name = stage.name
        codes = stage.codes
        makeRun = { ClosureChunkRun(TypedChunkRunBox(TypedChunkRun(stage: stage))) }
        makeFileAggregate = { TypedFileAggregate<Stage>(aggregate: stage.makeAggregate()) }
        checkOne = { record, diagnostics in stage.check(record, into: &diagnostics) }
        compareFacts = { old, new in (old as? Stage.Facts) == (new as? Stage.Facts) }
    }

    init(name: String, codes: [CodeDescriptor], makeRun: @escaping @Sendable () -> any ChunkRun,
         makeFileAggregate: @escaping @Sendable () -> any FileAggregate,
         checkOne: @escaping @Sendable (ParsedRecord, inout [Diagnostic]) -> any Sendable,
         compareFacts: @escaping @Sendable (any Sendable, any Sendable) -> Bool) {
        self.name = name
        self.codes = codes
        self.makeRun = makeRun
        self.makeFileAggregate = makeFileAggregate
        self.checkOne = checkOne
        self.compareFacts = compareFacts
    }

    /// True when two facts values from `check(_:into:)` are equal, so the file-level result cannot differ.
    public func factsAreEqual(_ old: any Sendable, _ new: any Sendable) -> Bool {
        compareFacts(old, new)
    }

    /// Checks one record on its own and returns its facts for `FileAggregate.absorb(recordFacts:line:)`: how
    /// the language server re-checks just the records an edit touched.
    public func check(_ record: ParsedRecord, into diagnostics: inout [Diagnostic]) -> any Sendable {
        checkOne(record, &diagnostics)
    }

    /// State for checking one chunk of records on one task.
    public func makeChunkRun() -> any ChunkRun { makeRun() }

    /// State for the file-level part of the stage.
    public func makeAggregate() -> any FileAggregate { makeFileAggregate() }
}

/// Checks the records of one chunk and collects their facts.
public protocol ChunkRun {
    mutating func check(_ record: ParsedRecord, into diagnostics: inout [Diagnostic])
    /// The facts collected so far, in record order, as one opaque value for `FileAggregate.absorb`.
    mutating func takeFacts() -> any Sendable
    /// The chunk's last record was checked: diagnostics of work done for the chunk as a whole (batch stages).
    mutating func finishChunk(into diagnostics: inout [Diagnostic])
}

extension ChunkRun {
    public mutating func finishChunk(into diagnostics: inout [Diagnostic]) {}
}

/// The file-level part of a stage, fed chunk by chunk in file order.
public protocol FileAggregate: Sendable {
    mutating func absorb(chunkFacts: any Sendable)
    /// Absorbs the facts one record gave (`AnyRecordStage.check`), as if the record were at `line`.
    mutating func absorb(recordFacts: any Sendable, line: Int)
    func finish(into diagnostics: inout [Diagnostic])
    /// The stage's own aggregate, for callers that know the stage (cross-file checks read the `dedup` stage's).
    var stageAggregate: any StageAggregate { get }
}

/// The chunk run that `ChunkWorker` calls once per record, through `any ChunkRun`. A generic type's witnesses
/// for a protocol are compiled unspecialized, so `TypedChunkRun<Stage>` called that way asked the runtime for
/// `Stage.Facts`'s metadata and appended to an unspecialized array on every record (some 30 ms per stage on
/// 370 MB of chat). This type is not generic: its closures are made in `AnyRecordStage.init`, which is
/// specialized for the concrete stage, so they call the stage's `check` directly.
@usableFromInline
struct ClosureChunkRun: ChunkRun {
    @usableFromInline let checkRecord: (ParsedRecord, inout [Diagnostic]) -> Void
    @usableFromInline let take: () -> any Sendable

    @inlinable
    init<Stage: RecordStage>(_ box: TypedChunkRunBox<Stage>) {
        checkRecord = { record, diagnostics in box.run.check(record, into: &diagnostics) }
        take = { box.run.takeFacts() }
    }

    @inlinable
    mutating func check(_ record: ParsedRecord, into diagnostics: inout [Diagnostic]) {
        checkRecord(record, &diagnostics)
    }

    @inlinable
    mutating func takeFacts() -> any Sendable { take() }
}

/// Where a `ClosureChunkRun`'s closures keep the run they share.
@usableFromInline
final class TypedChunkRunBox<Stage: RecordStage> {
    @usableFromInline var run: TypedChunkRun<Stage>

    @inlinable
    init(_ run: TypedChunkRun<Stage>) {
        self.run = run
    }
}

@usableFromInline
struct TypedChunkRun<Stage: RecordStage> {
    @usableFromInline let stage: Stage
    // Two arrays, not one of (line, facts) tuples: where this code runs unspecialized (tests, other callers),
    // appending a tuple asks the runtime for the tuple's type metadata on every record.
    @usableFromInline var lines: [Int] = []
    @usableFromInline var facts: [Stage.Facts] = []

    @inlinable
    init(stage: Stage) {
        self.stage = stage
    }

    @inlinable
    mutating func check(_ record: ParsedRecord, into diagnostics: inout [Diagnostic]) {
        lines.append(record.lineNumber)
        facts.append(stage.check(record, into: &diagnostics))
    }

    @inlinable
    mutating func takeFacts() -> any Sendable {
        defer { (lines, facts) = ([], []) }
        return ChunkFacts<Stage.Facts>(lines: lines, facts: facts)
    }
}

@usableFromInline
struct ChunkFacts<Facts: Sendable>: Sendable {
    @usableFromInline let lines: [Int]
    @usableFromInline let facts: [Facts]

    @inlinable
    init(lines: [Int], facts: [Facts]) {
        self.lines = lines
        self.facts = facts
    }
}

@usableFromInline
struct TypedFileAggregate<Stage: RecordStage>: FileAggregate {
    @usableFromInline var aggregate: Stage.Aggregate

    @inlinable
    init(aggregate: Stage.Aggregate) {
        self.aggregate = aggregate
    }

    @inlinable
    mutating func absorb(chunkFacts: any Sendable) {
        guard let chunk = chunkFacts as? ChunkFacts<Stage.Facts> else {
            preconditionFailure("facts of another stage were given to \(Stage.self)")
        }
        for index in chunk.facts.indices { aggregate.absorb(chunk.facts[index], line: chunk.lines[index]) }
    }

    @inlinable
    mutating func absorb(recordFacts: any Sendable, line: Int) {
        guard let facts = recordFacts as? Stage.Facts else {
            preconditionFailure("facts of another stage were given to \(Stage.self)")
        }
        aggregate.absorb(facts, line: line)
    }

    @inlinable
    func finish(into diagnostics: inout [Diagnostic]) { aggregate.finish(into: &diagnostics) }

    @usableFromInline
    var stageAggregate: any StageAggregate { aggregate }
}
