import Diagnostics
import RecordScanner

/// A check or transform that sees each record of a dataset once.
///
/// Work is split in two so that records can be checked in parallel and re-checked one at a time while a user
/// types: `check` looks at one record and may return `Facts` about it (its schema, its hashes…); an
/// `Aggregate` then absorbs the facts of every record in file order and reports what only the whole file shows
/// (the majority schema, duplicates). The language server keeps facts per line, so an edit re-checks one record
/// and re-aggregates without reading the rest of the file.
public protocol RecordStage: Sendable {
    /// Equatable so that re-checking an edited record can tell whether the file-level picture changed at all.
    associatedtype Facts: Sendable & Equatable
    associatedtype Aggregate: StageAggregate where Aggregate.Facts == Facts

    /// The stage's name, as configuration and `--select` know it (`format`).
    var name: String { get }

    /// The codes this stage can report.
    var codes: [CodeDescriptor] { get }

    /// Checks one record (valid JSON or not) and returns what the file-level aggregate needs to know of it.
    func check(_ record: ParsedRecord, into diagnostics: inout [Diagnostic]) -> Facts

    /// A fresh aggregate for one file.
    func makeAggregate() -> Aggregate
}

/// File-level state of a stage, fed with facts in file order.
public protocol StageAggregate: Sendable {
    associatedtype Facts: Sendable
    mutating func absorb(_ facts: Facts, line: Int)
    /// Diagnostics that only the whole file shows.
    func finish(into diagnostics: inout [Diagnostic])
}

/// An aggregate for stages with nothing to say about the whole file.
public struct NoAggregate<Facts: Sendable>: StageAggregate {
    public init() {}
    public mutating func absorb(_ facts: Facts, line: Int) {}
    public func finish(into diagnostics: inout [Diagnostic]) {}
}
