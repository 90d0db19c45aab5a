import DatasetIO
import DatasetText
import Diagnostics
import NearDuplicates
import StageKit

/// The file-level half of the `dedup` stage: groups records by their hashes and clusters their signatures.
///
/// The first record of each group is the one kept; every later member is reported and points back to it, so
/// deleting what is reported leaves one copy of everything.
public struct DuplicateAggregate: StageAggregate {
    let clustering: NearDuplicateClusters
    private(set) var lines: [Int] = []
    private(set) var facts: [DuplicateFacts] = []
    /// Estimates this close to the threshold are checked against exact Jaccard when the text can be read again:
    /// four standard errors of the estimate there.
    let margin: Double
    private(set) var exactMeasure: ExactMeasure?

    init(threshold: Double, bands: LSHBands, hashCount: Int) {
        clustering = NearDuplicateClusters(bands: bands, threshold: threshold)
        margin = 4 * (threshold * (1 - threshold) / Double(hashCount)).squareRoot()
    }

    /// Candidates whose estimate is within `margin` of the threshold are measured exactly, from the records
    /// `source` reads again, shingled like `stage` does.
    public mutating func measureExactly(with source: any LineSource, stage: DuplicateStage) {
        exactMeasure = ExactMeasure(source: source, shingles: { stage.shingleSet(ofLine: $0) })
    }

    public mutating func absorb(_ facts: DuplicateFacts?, line: Int) {
        guard let facts else { return }
        lines.append(line)
        self.facts.append(facts)
    }

    public func finish(into diagnostics: inout [Diagnostic]) {
        let representatives = reportExactDuplicates(into: &diagnostics)
        reportRepeatedPrompts(among: representatives, into: &diagnostics)
        reportNearDuplicates(among: representatives, into: &diagnostics)
    }

    // MARK: Exact

    /// Reports every record whose normalized values repeat an earlier one; returns the others, in file order.
    private func reportExactDuplicates(into diagnostics: inout [Diagnostic]) -> [Int] {
        var first: [UInt64: Int] = [:]
        first.reserveCapacity(facts.count)
        var representatives: [Int] = []
        representatives.reserveCapacity(facts.count)
        for index in facts.indices {
            guard let kept = first[facts[index].exactHash] else {
                first[facts[index].exactHash] = index
                representatives.append(index)
                continue
            }
            let identical = facts[kept].rawHash == facts[index].rawHash
            let how = identical ? "exact duplicate" : "duplicate after normalization"
            diagnostics.append(report(.exact, index, "\(how) of the record on line \(lines[kept] + 1)",
                                      related: [(kept, "the first occurrence, which is kept")],
                                      fix: deletion(of: index, keeping: kept, isPreferred: identical)))
        }
        return representatives
    }

    // MARK: Prompts

    private func reportRepeatedPrompts(among records: [Int], into diagnostics: inout [Diagnostic]) {
        var groups: [UInt64: [Int]] = [:]
        for index in records {
            guard let prompt = facts[index].prompt else { continue }
            groups[prompt.promptHash, default: []].append(index)
        }
        for group in groups.values where group.count > 1 {
            for position in 1..<group.count { judge(group[position], against: group[..<position], into: &diagnostics) }
        }
    }

    /// Compares a record with the earlier records of its prompt group under its schema's conflict rule.
    private func judge(_ index: Int, against earlier: ArraySlice<Int>, into diagnostics: inout [Diagnostic]) {
        guard let mine = facts[index].prompt else { return }
        let same = earlier.first { facts[$0].prompt?.looseAnswerHash == mine.looseAnswerHash && facts[$0].prompt?.verdictHash == mine.verdictHash }
        if let same {
            diagnostics.append(report(.prompt, index, "the prompt and answer repeat the record on line \(lines[same] + 1); the records differ only in other fields",
                                      related: [(same, "the same prompt and answer")],
                                      fix: deletion(of: index, keeping: same, isPreferred: false)))
            return
        }
        let conflicting: [Int] = earlier.filter { other in
            guard let theirs = facts[other].prompt else { return false }
            switch mine.rule {
            case .differentAnswer: return theirs.looseAnswerHash != mine.looseAnswerHash
            case .swappedPreference: return theirs.answerHash == mine.verdictHash || theirs.verdictHash == mine.answerHash
            case .differentScore: return theirs.looseAnswerHash == mine.looseAnswerHash && theirs.verdictHash != mine.verdictHash
            }
        }
        guard let firstConflict = conflicting.first else { return }
        let message: String = switch mine.rule {
        case .differentAnswer: "the same prompt as line \(lines[firstConflict] + 1) gets a different answer here"
        case .swappedPreference: "the same prompt as line \(lines[firstConflict] + 1), with the preference reversed: an answer chosen in one record is rejected in the other"
        case .differentScore: "the same prompt and response as line \(lines[firstConflict] + 1) with a different score"
        }
        let others = conflicting.count > 1 ? " (and \(conflicting.count - 1) more earlier records)" : ""
        diagnostics.append(report(.conflictingAnswers, index, message + others,
                                  related: [(firstConflict, "the same prompt, answered differently")]))
    }

    // MARK: Near

    private func reportNearDuplicates(among records: [Int], into diagnostics: inout [Diagnostic]) {
        let signed = records.filter { !facts[$0].signature.isEmpty }
        guard signed.count > 1 else { return }
        let bandCount = clustering.bands.parameters.bands
        let shared = (0..<bandCount).flatMap { band in
            NearDuplicateClusters.sharedBuckets(ofKeys: signed.map { facts[$0].bandKeys[band] })
        }
        guard !shared.isEmpty else { return }
        for cluster in clusters(of: signed, sharedBuckets: shared) {
            let kept = signed[cluster.kept]
            for member in cluster.others {
                let index = signed[member.record]
                let similarity = Self.percent(member.similarityToKept)
                let size = cluster.others.count + 1
                diagnostics.append(report(.near, index,
                                          "near duplicate of the record on line \(lines[kept] + 1) (similarity \(similarity); \(size) records in this cluster)",
                                          related: [(kept, "the record kept of this cluster")],
                                          fix: deletion(of: index, keeping: kept, isPreferred: false)))
            }
        }
    }

    /// Clusters by the signature estimate; then, when the text can be read again, once more with the borderline
    /// pairs of the first pass measured exactly (a second pass may meet a few other borderline pairs: those keep
    /// their estimate).
    private func clusters(of signed: [Int], sharedBuckets shared: [[Int]]) -> [NearDuplicateCluster] {
        let signatures = signed.map { MinHashSignature(values: facts[$0].signature) }
        let threshold = clustering.threshold, margin = self.margin
        var borderline = Set<Int>()
        let estimated = clustering.clusters(ofCount: signed.count, sharedBuckets: shared, verify: { first, second in
            let estimate = Jaccard.estimate(signatures[first], signatures[second])
            if abs(estimate - threshold) <= margin { borderline.formUnion([first, second]) }
            return estimate
        }, measure: { Jaccard.estimate(signatures[$0], signatures[$1]) })
        guard let exactMeasure, !borderline.isEmpty else { return estimated }
        let byLine = exactMeasure.shingleSets(ofLines: Set(borderline.map { lines[signed[$0]] }))
        var shingles: [Int: [UInt64]] = [:]
        for position in borderline { shingles[position] = byLine[lines[signed[position]]] }
        let similarity: (Int, Int) -> Double = { first, second in
            let estimate = Jaccard.estimate(signatures[first], signatures[second])
            guard abs(estimate - threshold) <= margin, let a = shingles[first], let b = shingles[second] else { return estimate }
            return Jaccard.exact(sorted: a, b)
        }
        return clustering.clusters(ofCount: signed.count, sharedBuckets: shared, verify: similarity, measure: similarity)
    }

    // MARK: Reporting

    func range(of index: Int) -> SourceRange {
        let line = lines[index]
        return SourceRange(start: SourcePosition(line: line, utf8Column: 0, utf16Column: 0),
                           end: SourcePosition(line: line, utf8Column: facts[index].utf8Length, utf16Column: facts[index].utf16Length))
    }

    private func report(_ code: DuplicateCode, _ index: Int, _ message: String, related: [(Int, String)],
                        fix: Fix? = nil) -> Diagnostic {
        Diagnostic(code: code.code, severity: code.defaultSeverity, message: message, range: range(of: index),
                   related: related.map { RelatedInformation(range: range(of: $0.0), message: $0.1) },
                   fixes: fix.map { [$0] } ?? [])
    }

    private func deletion(of index: Int, keeping kept: Int, isPreferred: Bool) -> Fix {
        let line = lines[index]
        let range = SourceRange(start: SourcePosition(line: line, utf8Column: 0, utf16Column: 0),
                                end: SourcePosition(line: line + 1, utf8Column: 0, utf16Column: 0))
        return Fix(title: "Delete this duplicate (line \(lines[kept] + 1) is kept)",
                   edits: [TextEdit(range: range, newText: "")], isPreferred: isPreferred)
    }

    /// A similarity as users read it: two decimals, cut rather than rounded, so 0.799 never shows as the 0.80 it
    /// missed.
    static func percent(_ value: Double) -> String {
        let hundredths = min(100, max(0, Int((value * 100).rounded(.down))))
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// How a file's records are measured exactly: read again from `source` and shingled like the stage shingles them.
public struct ExactMeasure: Sendable {
    let source: any LineSource
    let shingles: @Sendable ([UInt8]) -> [UInt64]

    /// The sorted shingle sets of the records at `lines` (those that could be read).
    func shingleSets(ofLines lines: Set<Int>) -> [Int: [UInt64]] {
        source.lines(lines).mapValues(shingles)
    }
}
