import DatasetText
import Diagnostics
import MultiPatternScanning
import RecordScanner
import Redaction
import StageKit

/// The `pii` stage: personal data and credentials in the string values of a record.
///
/// The common case, a record with nothing to report, costs a Vectorscan pass with the literal triggers and a SIMD
/// prefilter pass over the line's raw bytes (see `Trigger`). Only strings a trigger fired in are decoded (escapes
/// resolved, offsets kept) and
/// scanned again with the precise patterns, whose matches go to validators: checksums, issuer tables, the
/// public suffix list, plausibility rules. A hit is reported on the exact raw bytes that spell it, with a fix
/// that replaces it by a typed placeholder.
public struct PIIStage: RecordStage {
    /// Values the project allows (`[pii] allow`), compared with a hit's decoded text.
    private let allowedValues: Set<[UInt8]>
    /// `[pii] allow_patterns`: a hit whose text matches one is not reported.
    private let allowedPatterns: [AllowedPattern]
    private let redaction: HitRedaction

    /// Makes the trigger databases (compiled, or loaded from the user's cache) so that the first record does not pay.
    /// Patterns that are not valid regular expressions are ignored (the configuration loader rejects them first).
    /// `redactor` rewrites hits in quick fixes (nil: typed placeholders such as `[EMAIL]`).
    public init(allowedValues: [String] = [], allowedPatterns: [String] = [], redactor: Redactor? = nil) {
        _ = (TriggerDatabase.literal, TriggerDatabase.shaped)
        redaction = HitRedaction(redactor: redactor)
        self.allowedValues = Set(allowedValues.map { Array($0.utf8) })
        self.allowedPatterns = allowedPatterns.compactMap(AllowedPattern.init)
    }

    public var name: String { "pii" }
    public var codes: [CodeDescriptor] { PIICode.allCases.map(\.descriptor) }

    /// Nothing about a record matters to the whole file.
    public struct Facts: Sendable, Equatable {}

    /// When two hits overlap, the one found by the earlier detector in this list is kept: a key inside a PEM
    /// block is not also a token, the password of a URL is not also an email address.
    static let priority: [Detector] = [
        .privateKey, .jwt, .awsAccessKey, .githubToken, .gitlabToken, .slackToken, .stripeKey, .googleAPIKey, .skKey,
        .urlCredentials, .assignment, .email, .iban, .card, .ssnFormatted, .ssnBare, .mac, .ipv6, .ipv4, .phone,
    ]

    public func check(_ record: ParsedRecord, into diagnostics: inout [Diagnostic]) -> Facts {
        guard record.isValidJSON else { return Facts() }
        let scratch = ThreadScratch.current()
        scratch.triggerMatches.removeAll(keepingCapacity: true)
        guard Self.scanTriggers(record, scratch: scratch), !scratch.triggerMatches.isEmpty else { return Facts() }
        for candidate in candidateStrings(record, matches: scratch.triggerMatches) {
            inspect(record, node: candidate.node, detectors: candidate.detectors, scratch: scratch, into: &diagnostics)
        }
        return Facts()
    }

    public func makeAggregate() -> NoAggregate<Facts> { NoAggregate() }

    /// Collects the trigger matches of the record's line in `scratch.triggerMatches`, with offsets from the line's
    /// start: the literal triggers over the whole line, the shaped ones over the regions the prefilter finds.
    /// False when Vectorscan failed.
    ///
    /// Lines are scanned a window of the chunk at a time (`TriggerWindow`), so most records take matches found
    /// by the scan of an earlier one. Vectorscan 5.4.9 misses some matches that end in the last ~31 bytes of the
    /// buffer it scans (depending on the buffer's alignment; see `DecodedString.scanPadding`), so every scan is
    /// given at least that many bytes after the text whose matches are kept: the chunk's next bytes, or for the
    /// lines too near the chunk's end, a padded copy of the line.
    static func scanTriggers(_ record: ParsedRecord, scratch: ThreadScratch,
                             windowSize: Int = TriggerWindow.defaultSize) -> Bool {
        if !scratch.window.covers(record) {
            let scanned = scratch.window.refill(for: record, size: windowSize) { buffer, textLength, matches in
                scanTriggers(buffer, textLength: textLength, scratch: scratch, into: &matches)
            }
            guard scanned else { return false }
        }
        if scratch.window.covers(record) {
            scratch.window.matches(in: record, into: &scratch.triggerMatches)
            return true
        }
        let padding = DecodedString.scanPadding
        scratch.paddedLine.removeAll(keepingCapacity: true)
        scratch.paddedLine.append(contentsOf: record.lineBytes)
        scratch.paddedLine.append(contentsOf: repeatElement(0, count: padding))
        return scratch.paddedLine.withUnsafeBytes { buffer in
            scanTriggers(buffer, textLength: record.lineRange.count, scratch: scratch, into: &scratch.triggerMatches)
        }
    }

    /// `buffer` holds the text, then at least `DecodedString.scanPadding` more bytes; matches (some of which may
    /// end in those bytes) are appended to `matches` with offsets from the buffer's start.
    private static func scanTriggers(_ buffer: UnsafeRawBufferPointer, textLength: Int, scratch: ThreadScratch,
                                     into matches: inout [Match]) -> Bool {
        do {
            try scratch.literalTriggers.scan(buffer, into: &matches)
            scratch.shapeRegions.find(in: UnsafeRawBufferPointer(rebasing: buffer[..<textLength]))
            for index in 0..<scratch.shapeRegions.count {
                let region = scratch.shapeRegions.region(index)
                let padded = region.lowerBound..<(region.upperBound + DecodedString.scanPadding)
                try scratch.shapedTriggers.scan(UnsafeRawBufferPointer(rebasing: buffer[padded]),
                                                reportingOffsetsFrom: region.lowerBound, into: &matches)
            }
            return true
        } catch {
            return false
        }
    }

    /// The string values (not keys) that contain the end of a trigger match, in document order, each once
    /// with the detectors its triggers call for.
    func candidateStrings(_ record: ParsedRecord, matches: [Match]) -> [(node: Int, detectors: DetectorSet)] {
        let strings = record.stringValueNodes()
        var found: [(node: Int, detectors: DetectorSet)] = []
        let triggers = Trigger.all
        for match in matches.sorted(by: { $0.range.upperBound < $1.range.upperBound }) {
            // The last byte of the match lies inside the string's quotes.
            let offset = match.range.upperBound - 1
            var low = 0, high = strings.count
            while low < high {
                let middle = (low + high) / 2
                if record[strings[middle]].start < offset { low = middle + 1 } else { high = middle }
            }
            guard low > 0 else { continue }
            let node = strings[low - 1]
            guard offset < record[node].end - 1 else { continue }
            let detectors = triggers[Int(match.id)].detectors
            if found.last?.node == node {
                found[found.count - 1].detectors.formUnion(detectors)
            } else {
                found.append((node, detectors))
            }
        }
        return found
    }

    /// Decodes one candidate string, runs the precise patterns over it and reports what validates.
    func inspect(_ record: ParsedRecord, node: Int, detectors: DetectorSet, scratch: ThreadScratch,
                 into diagnostics: inout [Diagnostic]) {
        let decoded = DecodedString(record: record, node: node)
        scratch.preciseMatches.removeAll(keepingCapacity: true)
        for detector in Detector.allCases where detectors.contains(detector) {
            guard (try? scratch.precise(detector).scan(decoded.bytes, into: &scratch.preciseMatches)) != nil
            else { return }
        }
        for hit in Self.hits(in: decoded.bytes, matches: scratch.preciseMatches) where !isAllowed(decoded.bytes[hit.range]) {
            let span = decoded.rawSpan(of: hit.range)
            let range = record.range(of: span)
            let replacement = redaction.replacement(for: decoded.bytes[hit.range], code: hit.code)
            let fix = Fix(title: replacement == hit.code.placeholder ? "Replace with \(hit.code.placeholder)"
                              : "Redact (\(redaction.strategyName))",
                          edits: [TextEdit(range: range, newText: replacement)],
                          // Reserved and fictional values are offered a fix, but `--fix` and fix-all leave them.
                          isPreferred: hit.severity != .info)
            diagnostics.append(Diagnostic(code: hit.code.code, severity: hit.severity, message: hit.message,
                                          range: range, fixes: [fix]))
        }
    }

    private func isAllowed(_ text: ArraySlice<UInt8>) -> Bool {
        if allowedValues.isEmpty && allowedPatterns.isEmpty { return false }
        if allowedValues.contains(Array(text)) { return true }
        let string = String(decoding: text, as: UTF8.self)
        return allowedPatterns.contains { $0.matches(string) }
    }

    /// Validated, non-overlapping hits in decoded text, in text order.
    static func hits(in bytes: [UInt8], matches: [Match]) -> [Hit] {
        guard !matches.isEmpty else { return [] }
        let validator = Validator(bytes: bytes)
        var accepted: [Hit] = []
        for detector in priority {
            // For each start, the longest match first: Vectorscan reports every end with its leftmost start.
            let candidates = matches.filter { $0.id == detector.rawValue }
                .sorted { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound
                                                                      : $0.range.upperBound > $1.range.upperBound }
            var coveredUntil = 0
            var index = 0
            while index < candidates.count {
                let start = candidates[index].range.lowerBound
                var next = index
                while next < candidates.count, candidates[next].range.lowerBound == start { next += 1 }
                if start >= coveredUntil {
                    for candidate in candidates[index..<next] {
                        guard let hit = validator.validate(detector, candidate.range) else { continue }
                        if !accepted.contains(where: { $0.range.overlaps(hit.range) }) {
                            accepted.append(hit)
                            coveredUntil = hit.range.upperBound
                        }
                        break
                    }
                }
                index = next
            }
        }
        return accepted.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// One `[pii] allow_patterns` expression.
struct AllowedPattern: Sendable {
    let source: String

    init?(_ source: String) {
        guard (try? Regex(source)) != nil else { return nil }
        self.source = source
    }

    /// Compiled per use: `Regex` is not `Sendable`, and allow-lists only run on validated hits, which are rare.
    func matches(_ text: String) -> Bool {
        guard let regex = try? Regex(source) else { return false }
        return text.contains(regex)
    }
}
