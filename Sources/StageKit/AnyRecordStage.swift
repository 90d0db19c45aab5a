import Diagnostics
import RecordScanner

/// A type-erased stage, so a pipeline can hold stages of different kinds.
///
/// Erasure happens once per chunk of records, not once per record: a `ChunkRun` collects typed facts for a
/// whole chunk and hands them over as one value.
public struct AnyRecordStage: Sendable {
    public let name: String
    public let codes: [CodeDescriptor]
    private let makeRun: @Sendable () -> any ChunkRun
    private let makeFileAggregate: @Sendable () -> any FileAggregate
    private let checkOne: @Sendable (ParsedRecord, inout [Diagnostic]) -> any Sendable
    private let compareFacts: @Sendable (any Sendable, any Sendable) -> Bool

    public init<Stage: RecordStage>(_ stage: Stage) {
        name = stage.name
        codes = stage.codes
        makeRun = { TypedChunkRun(stage: stage) }
        makeFileAggregate = { TypedFileAggregate<Stage>(aggregate: stage.makeAggregate()) }
        checkOne = { record, diagnostics in stage.check(record, into: &diagnostics) }
        compareFacts = { old, new in (old as? Stage.Facts) == (new as? Stage.Facts) }
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
}

/// The file-level part of a stage, fed chunk by chunk in file order.
public protocol FileAggregate: Sendable {
    mutating func absorb(chunkFacts: any Sendable)
    /// Absorbs the facts one record gave (`AnyRecordStage.check`), as if the record were at `line`.
    mutating func absorb(recordFacts: any Sendable, line: Int)
    func finish(into diagnostics: inout [Diagnostic])
}

struct TypedChunkRun<Stage: RecordStage>: ChunkRun {
    let stage: Stage
    var facts: [(line: Int, facts: Stage.Facts)] = []

    mutating func check(_ record: ParsedRecord, into diagnostics: inout [Diagnostic]) {
        facts.append((record.lineNumber, stage.check(record, into: &diagnostics)))
    }

    mutating func takeFacts() -> any Sendable {
        defer { facts = [] }
        return ChunkFacts<Stage.Facts>(entries: facts)
    }
}

struct ChunkFacts<Facts: Sendable>: Sendable {
    let entries: [(line: Int, facts: Facts)]
}

struct TypedFileAggregate<Stage: RecordStage>: FileAggregate {
    var aggregate: Stage.Aggregate

    mutating func absorb(chunkFacts: any Sendable) {
        guard let chunk = chunkFacts as? ChunkFacts<Stage.Facts> else {
            preconditionFailure("facts of another stage were given to \(Stage.self)")
        }
        for entry in chunk.entries { aggregate.absorb(entry.facts, line: entry.line) }
    }

    mutating func absorb(recordFacts: any Sendable, line: Int) {
        guard let facts = recordFacts as? Stage.Facts else {
            preconditionFailure("facts of another stage were given to \(Stage.self)")
        }
        aggregate.absorb(facts, line: line)
    }

    func finish(into diagnostics: inout [Diagnostic]) { aggregate.finish(into: &diagnostics) }
}
