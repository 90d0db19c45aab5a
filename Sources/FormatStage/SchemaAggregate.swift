import DatasetText
import Diagnostics
import Schemas
import StageKit

/// Finds the schema most of a file uses and reports the records that use another.
public struct SchemaAggregate: StageAggregate {
    public private(set) var tally = SchemaTally()

    public init() {}

    public mutating func absorb(_ facts: FormatStage.SchemaFact?, line: Int) {
        guard let facts else { return }
        // The line comes from the caller, not the facts: the language server caches facts per record and
        // re-absorbs them after edits have moved records up or down.
        let sample = facts.sample
        tally.add(facts.schema, sample: SchemaTally.Sample(line: line, utf8Span: sample.utf8Span, utf16Span: sample.utf16Span))
    }

    public func finish(into diagnostics: inout [Diagnostic]) {
        guard let majority = tally.majority else { return }
        let majorityCount = tally.counts[majority] ?? 0
        for schema in RecordSchema.allCases where schema != majority && schema != .unknown {
            guard let count = tally.counts[schema], count > 0 else { continue }
            let samples = tally.samples[schema] ?? []
            for (index, sample) in samples.enumerated() {
                var message = "record is \(schema.displayName), but most of this file (\(majorityCount) of \(tally.total) records) is \(majority.displayName)"
                if index == samples.count - 1 && count > samples.count {
                    message += " (and \(count - samples.count) more \(schema.displayName) records not listed)"
                }
                diagnostics.append(Diagnostic(code: FormatCode.mixedSchema.code, severity: FormatCode.mixedSchema.defaultSeverity,
                                              message: message, range: range(of: sample)))
            }
        }
    }

    private func range(of sample: SchemaTally.Sample) -> SourceRange {
        SourceRange(start: SourcePosition(line: sample.line, utf8Column: sample.utf8Span.lowerBound, utf16Column: sample.utf16Span.lowerBound),
                    end: SourcePosition(line: sample.line, utf8Column: sample.utf8Span.upperBound, utf16Column: sample.utf16Span.upperBound))
    }
}
