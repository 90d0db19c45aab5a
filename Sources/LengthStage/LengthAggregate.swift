import DatasetText
import Diagnostics
import Foundation
import StageKit

/// The `length` stage's view of a whole file: every turn and field length by slot, judged against the file's own
/// usual lengths once all are in.
public struct LengthAggregate: StageAggregate {
    let options: LengthOptions
    let encodingName: String
    let isApproximate: Bool
    private var tooLong: [(range: SourceRange, tokens: Int)] = []
    private var slots: [String: [Entry]] = [:]

    /// A part at its line, with its record's tokens (a record near the context limit cuts its answer off).
    struct Entry {
        let part: PartLength
        private let lineNumber: UInt32
        private let recordTokenCount: UInt32

        init(part: PartLength, line: Int, recordTokens: Int) {
            self.part = part
            lineNumber = UInt32(clamping: line)
            recordTokenCount = UInt32(clamping: recordTokens)
        }

        var line: Int { Int(lineNumber) }
        var recordTokens: Int { Int(recordTokenCount) }
        var range: SourceRange { part.columns.range(onLine: line) }
    }

    init(options: LengthOptions, encodingName: String, isApproximate: Bool) {
        self.options = options
        self.encodingName = encodingName
        self.isApproximate = isApproximate
    }

    public mutating func absorb(_ facts: LengthFacts?, line: Int) {
        guard let facts else { return }
        if facts.tokens > options.maxTokens { tooLong.append((facts.line.range(onLine: line), facts.tokens)) }
        for part in facts.parts {
            slots[part.slot, default: []].append(Entry(part: part, line: line, recordTokens: facts.tokens))
        }
    }

    public func finish(into diagnostics: inout [Diagnostic]) {
        var found = tooLong.map { record in
            diagnostic(.tooLong, "the record has \(count(record.tokens)) tokens (\(encodingName), chat framing included), "
                + "more than max_tokens = \(grouped(options.maxTokens))\(estimateNote)", record.range)
        }
        let answers = slots.values.joined().filter { $0.part.isJudgedAsAnswer && !$0.part.isBlank }
        let shortAnswers = shortAnswerEntries(answers)
        for entry in shortAnswers { found.append(shortAnswer(entry)) }
        for (slot, entries) in slots.sorted(by: { $0.key < $1.key }) {
            found += outliers(slot: slot, entries, excluding: shortAnswers)
        }
        found += truncated(answers)
        diagnostics += found.sorted { $0.range.start < $1.range.start }
    }

    // MARK: Near-empty answers

    /// Answers shorter than `minAnswerTokens` in a file whose answers are several times longer (a file of labels
    /// or one-word replies is left alone).
    private func shortAnswerEntries(_ answers: [Entry]) -> [Entry] {
        guard answers.count >= 3 else { return [] }
        let median = RobustFence.quantile(answers.map { Double($0.part.tokens) }.sorted(), 0.5)
        guard median >= Double(4 * options.minAnswerTokens) else { return [] }
        return answers.filter { $0.part.tokens < options.minAnswerTokens }
    }

    private func shortAnswer(_ entry: Entry) -> Diagnostic {
        diagnostic(.shortAnswer, "this \(entry.part.displayName) has \(count(entry.part.tokens)) "
            + "\(entry.part.tokens == 1 ? "token" : "tokens"), fewer than min_answer_tokens = \(options.minAnswerTokens), "
            + "where this file's answers are much longer\(estimateNote)", entry.range)
    }

    // MARK: Outliers

    private func outliers(slot: String, _ entries: [Entry], excluding short: [Entry]) -> [Diagnostic] {
        let judged = entries.filter { !$0.part.isBlank && $0.part.tokens > 0 }
        let rule = options.outliers
        guard judged.count >= rule.minSamples else { return [] }
        let values = judged.map { scaled($0.part.tokens) }
        guard let fence = RobustFence(values, method: rule.method, threshold: rule.threshold, iqrFactor: rule.iqrFactor)
        else { return [] }
        let shortParts = Set(short.map { ShortKey(line: $0.line, columns: $0.part.columns) })
        let median = RobustFence.quantile(judged.map { Double($0.part.tokens) }.sorted(), 0.5)
        let usual = Int(median.rounded())
        return zip(judged, values).compactMap { entry, value in
            guard !fence.contains(value), !shortParts.contains(ShortKey(line: entry.line, columns: entry.part.columns)) else { return nil }
            let isLong = value > fence.upper
            let tokens = Double(entry.part.tokens)
            guard isLong ? tokens >= rule.minRatio * median : tokens * rule.minRatio <= median else { return nil }
            let limit = isLong ? Int(max(unscaled(fence.upper), rule.minRatio * median).rounded(.down))
                : Int(min(unscaled(fence.lower), median / rule.minRatio).rounded(.up))
            let judgement = rule.method == .mad
                ? String(format: "modified z-score %.1f, threshold %.1f", fence.score(value), rule.threshold)
                : String(format: "beyond %@ %g×IQR", isLong ? "Q3 +" : "Q1 −", rule.iqrFactor)
            return diagnostic(.outlier, "this \(entry.part.displayName) has \(count(entry.part.tokens)) "
                + "\(entry.part.tokens == 1 ? "token" : "tokens"), unusually \(isLong ? "long" : "short") for this file: the median of its "
                + "\(grouped(judged.count)) \(entry.part.pluralName) is \(grouped(usual)), "
                + "and \(isLong ? "more than \(grouped(limit))" : "fewer than \(grouped(limit))") is unusual "
                + "(\(judgement)\(rule.scale == .log ? ", on log lengths" : ""))\(estimateNote)", entry.range)
        }
    }

    private struct ShortKey: Hashable {
        let line: Int
        let columns: ColumnSpan
    }

    private func scaled(_ tokens: Int) -> Double {
        options.outliers.scale == .log ? log1p(Double(tokens)) : Double(tokens)
    }

    private func unscaled(_ value: Double) -> Double {
        max(0, options.outliers.scale == .log ? expm1(value) : value)
    }

    // MARK: Truncation

    /// Answers that end unfinished near a limit: the context (`max_tokens`, for the record), the configured
    /// `max_answer_tokens`, or a cap the file shows — several answers ending at its longest answer length.
    private func truncated(_ answers: [Entry]) -> [Diagnostic] {
        let cap = options.maxAnswerTokens ?? detectedCap(answers)
        let near = LengthOptions.nearLimit
        return answers.compactMap { entry in
            guard entry.part.looksUnfinished else { return nil }
            let tokens = entry.part.tokens
            if Double(entry.recordTokens) >= near * Double(options.maxTokens) {
                return truncated(entry, because: "its record has \(count(entry.recordTokens)) tokens, near max_tokens = \(grouped(options.maxTokens))")
            }
            guard let cap, Double(tokens) >= near * Double(cap) else { return nil }
            let limit = options.maxAnswerTokens != nil ? "max_answer_tokens = \(grouped(cap))"
                : "\(grouped(cap)) tokens, the length at which several of this file's answers stop"
            return truncated(entry, because: "it has \(count(tokens)) \(tokens == 1 ? "token" : "tokens"), \(tokens >= cap ? "at" : "near") \(limit)")
        }
    }

    private func truncated(_ entry: Entry, because reason: String) -> Diagnostic {
        diagnostic(.truncated, "this \(entry.part.displayName) looks cut off: it ends mid-sentence or inside an open code "
            + "block, and \(reason)\(estimateNote)", entry.range)
    }

    /// The longest answer length when answers pile up at it: at least 3 end within 0.5% of it, more than in the
    /// 4.5% just below, and it is more than twice the median answer. A generator's token limit makes such a spike;
    /// the tail of a natural distribution thins out, and a file of one-word labels has no tail at all.
    private func detectedCap(_ answers: [Entry]) -> Int? {
        guard answers.count >= options.outliers.minSamples, let longest = answers.map(\.part.tokens).max(), longest > 0
        else { return nil }
        let spikeFloor = Double(longest) * 0.995, bandFloor = Double(longest) * 0.95
        let spike = answers.filter { Double($0.part.tokens) >= spikeFloor }.count
        let below = answers.filter { Double($0.part.tokens) >= bandFloor && Double($0.part.tokens) < spikeFloor }.count
        let median = RobustFence.quantile(answers.map { Double($0.part.tokens) }.sorted(), 0.5)
        return spike >= 3 && spike > below && Double(longest) > 2 * median ? longest : nil
    }

    // MARK: Wording

    private func diagnostic(_ code: LengthCode, _ message: String, _ range: SourceRange) -> Diagnostic {
        Diagnostic(code: code.code, severity: code.defaultSeverity, message: message, range: range)
    }

    private var estimateNote: String {
        isApproximate ? " (estimated counts: the \(encodingName) rank file is not installed)" : ""
    }

    private func count(_ tokens: Int) -> String { (isApproximate ? "about " : "") + grouped(tokens) }

    private func grouped(_ number: Int) -> String { NumberText.grouped(number) }
}
