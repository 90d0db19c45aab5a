import DatasetIO
import Diagnostics
import Hashing
import NearDuplicates
import RecordScanner
import Schemas
import StageKit
import TextNormalization

/// The `dedup` stage: exact duplicates, repeated prompts with conflicting answers, and near duplicates within a
/// file (docs/dup.md). Each record is hashed and signed on its own (in parallel, and again alone when edited);
/// the file-level aggregate groups the hashes and clusters the signatures.
public struct DuplicateStage: RecordStage {
    public let options: DuplicateOptions
    private let normalizer: Normalizer
    private let looseNormalizer = Normalizer(options: .all)
    private let shingler: Shingler
    private let hasher: MinHasher
    public let bands: LSHBands
    /// Where the aggregate reads records again to measure borderline candidates exactly (nil: by estimate only).
    public let lineSource: (any LineSource)?

    public init(options: DuplicateOptions = DuplicateOptions(), lineSource: (any LineSource)? = nil) {
        self.options = options
        self.lineSource = lineSource
        normalizer = Normalizer(options: options.normalization)
        shingler = Shingler(.words(options.shingleWords))
        hasher = MinHasher(count: options.hashCount)
        bands = LSHBands(threshold: options.threshold, hashCount: options.hashCount)
    }

    public static let stageName = "dedup"
    public var name: String { Self.stageName }
    public var codes: [CodeDescriptor] { DuplicateCode.allCases.map(\.descriptor) }

    public typealias Facts = DuplicateFacts?

    public func check(_ record: ParsedRecord, into diagnostics: inout [Diagnostic]) -> DuplicateFacts? {
        guard let root = record.rootObject else { return nil }
        let values = ValueText(of: root, in: record, normalizer: normalizer)
        let text = values.bytes
        guard !text.isEmpty else { return nil }
        let signature = hasher.signature(of: shingler.hashes(of: text))
        let end = record.lineSourceRange.end
        return DuplicateFacts(exactHash: XXH3.hash64(text),
                              rawHash: XXH3.hash64(record.lineBytes),
                              prompt: promptFacts(of: record, values), signature: signature.values,
                              bandKeys: bands.keys(of: signature), utf8Length: end.utf8Column, utf16Length: end.utf16Column)
    }

    private func promptFacts(of record: ParsedRecord, _ values: ValueText) -> PromptFacts? {
        guard let parts = RecordParts(record, detection: SchemaDetector.detect(record)) else { return nil }
        func hash(_ nodes: [Int]) -> UInt64 {
            nodes.isEmpty ? 0 : XXH3.hash64(values.text(of: nodes, in: record))
        }
        let answer = values.text(of: parts.answer, in: record)
        return PromptFacts(promptHash: hash(parts.prompt), answerHash: XXH3.hash64(answer),
                           looseAnswerHash: XXH3.hash64(looseNormalizer.normalize(answer)), verdictHash: hash(parts.verdict),
                           rule: parts.rule)
    }

    public func makeAggregate() -> DuplicateAggregate {
        var aggregate = DuplicateAggregate(threshold: options.threshold, bands: bands, hashCount: options.hashCount)
        if let lineSource { aggregate.measureExactly(with: lineSource, stage: self) }
        return aggregate
    }

    /// The sorted distinct shingle hashes of a line's record: what exact Jaccard similarity compares.
    public func shingleSet(ofLine line: [UInt8]) -> [UInt64] {
        var scanner = RecordScanner()
        let record = scanner.scan(line)
        guard let root = record.rootObject else { return [] }
        return Jaccard.sortedSet(shingler.hashes(of: ValueText(of: root, in: record, normalizer: normalizer).bytes))
    }
}
