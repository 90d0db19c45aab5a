import DatasetIO
import DatasetText
import Diagnostics
import RecordScanner
import StageKit
import Synchronization

/// A plugin's stage as datalint runs it: batches of a chunk's records go to the plugin, and what it says comes back
/// as diagnostics — its findings at exact ranges (JSON Pointers resolved, byte ranges checked), and its failures as
/// `plugin/…` diagnostics at the record it was handling.
public struct PluginStage: BatchRecordStage {
    public let runner: PluginRunner
    /// Where the plugin's log lines go (prefixed with its name).
    let log: @Sendable (String) -> Void
    /// Where a check reads again the lines `finish` names (see `readingFinishedLines(from:)`).
    private var finishedLines: (any LineSource)?

    /// Invalid output is reported this many times per plugin and run, then summarized once: a plugin that gets
    /// every record wrong would otherwise print a line per record.
    let invalidOutputBudget = ReportBudget(limit: 100)

    public init(runner: PluginRunner, log: @escaping @Sendable (String) -> Void) {
        self.runner = runner
        self.log = log
    }

    /// Findings per record shown; a plugin's message is cut at `messageLimit` characters.
    static let findingsPerRecord = 100
    static let messageLimit = 1_000

    public var name: String { runner.descriptor.name }

    /// A stage that needs the whole dataset sees its batches in file order.
    public var needsFileOrder: Bool { runner.descriptor.capabilities.contains(.needsWholeDataset) }

    /// A transform that needs the whole dataset may rewrite or drop records in `finish`: a pipeline must hold the
    /// records it passed on until then.
    public var changesRecordsInFinish: Bool { needsFileOrder && runner.descriptor.capabilities.contains(.transforms) }

    /// The plugin's codes are its own business; one descriptor stands for the family, so that selecting or ignoring
    /// it by name works.
    public var codes: [CodeDescriptor] {
        [CodeDescriptor(DiagnosticCode("\(name)/finding"), .warning, runner.descriptor.description)]
            + PluginCode.allCases.map(\.descriptor)
    }

    /// Records per call into the plugin: enough to amortize a call across a pipe, few enough that a failure's
    /// record-by-record replay and the time limit stay short.
    public static let batchSize = 1_000

    public func check(_ batch: RecordBatch, into diagnostics: inout [Diagnostic]) {
        forEachCall(over: batch) { outcome, records in report(outcome, records: &records, into: &diagnostics) }
    }

    /// Calls the plugin with `batch` in parts of `batchSize` records; `body` gets each call's outcome and its records.
    private func forEachCall(over batch: RecordBatch, _ body: (BatchOutcome, inout BatchRecords) -> Void) {
        for start in stride(from: 0, to: batch.count, by: Self.batchSize) {
            let part = start..<min(batch.count, start + Self.batchSize)
            let outcome = batch.storage.withUnsafeBytes { storage in
                runner.process(part.map { (batch.lines[$0], UnsafeRawBufferPointer(rebasing: storage[batch.ranges[$0]])) })
            }
            var records = BatchRecords(RecordBatch(storage: batch.storage, lines: Array(batch.lines[part]),
                                                   ranges: Array(batch.ranges[part])))
            body(outcome, &records)
        }
    }

    /// What a transform did to a pipeline's batch: each record it rewrote (validated: one JSON object on one line) or
    /// dropped, by line, and its diagnostics (findings, and failures — whose records are then left as they were).
    public struct TransformResult: Sendable {
        public enum Change: Sendable, Equatable {
            case rewritten([UInt8])
            case dropped(reason: String)
        }

        public var changes: [Int: Change] = [:]
        public var diagnostics: [Diagnostic] = []
    }

    /// Runs the stage over `batch` as a pipeline step. Rewrites and drops of the batch's records are applied; every
    /// other event is reported as in a check (findings, and what cannot be used, with the same caps).
    public func transform(_ batch: RecordBatch) -> TransformResult {
        var result = TransformResult()
        forEachCall(over: batch) { outcome, records in
            let given = Set(records.lines)
            let others = collectChanges(from: outcome, accepting: { given.contains($0) }, records: &records, into: &result)
            for failure in outcome.failures {
                // A record the plugin failed on passes unchanged; so does the whole batch when the failure is not pinned.
                if let line = failure.line { result.changes[line] = nil } else if case .failed = failure.failure {
                    for line in records.lines { result.changes[line] = nil }
                }
            }
            report(others, records: &records, into: &result.diagnostics)
        }
        return result
    }

    /// What a whole-dataset transform decides in `finish`, once a pipeline's records have all been through it: rewrites
    /// and drops of any of them, which the pipeline applies before the records go on, and its findings (at their lines'
    /// start, as in a check of standard input). A `finish` that fails changes nothing.
    public func finishTransform() -> TransformResult {
        var result = TransformResult()
        var records = BatchRecords(nil, scope: .linesReadAgain)
        let outcome = runner.finish()
        let others = collectChanges(from: outcome, accepting: { _ in true }, records: &records, into: &result)
        if !outcome.failures.isEmpty { result.changes = [:] }
        report(others, records: &records, into: &result.diagnostics)
        return result
    }

    /// Takes the rewrites (each checked to be one JSON object on one line) and drops of the lines `accepts` from
    /// `outcome` into `result`; returns the rest of it, to be reported as in a check.
    private func collectChanges(from outcome: BatchOutcome, accepting accepts: (Int) -> Bool, records: inout BatchRecords,
                                into result: inout TransformResult) -> BatchOutcome {
        var failed: Set<Int> = []
        var others = BatchOutcome()
        others.failures = outcome.failures
        for event in outcome.events {
            switch event {
            case .record(let line, let json) where accepts(line):
                if let problem = Self.problem(withRewritten: json) {
                    append(failure(.invalidOutput, "rewrote the record into \(problem); it is kept as it was", line: line,
                                   records: &records), to: &result.diagnostics)
                    // An invalid rewrite leaves the record as it was read, whatever else the plugin said of it.
                    failed.insert(line)
                    result.changes[line] = nil
                } else if !failed.contains(line) {
                    result.changes[line] = .rewritten(json)
                }
            case .drop(let line, let reason) where accepts(line):
                if !failed.contains(line) { result.changes[line] = .dropped(reason: reason) }
            default:
                others.events.append(event)
            }
        }
        return others
    }

    /// The same stage, placing what `finish` reports exactly by reading the lines it names from `source` (a check
    /// streams its file and keeps none of the text); nil leaves those findings at their lines' start.
    public func readingFinishedLines(from source: (any LineSource)?) -> PluginStage {
        var stage = self
        stage.finishedLines = source
        return stage
    }

    /// The file ended: what the plugin reports in `finish`, placed by the lines read again when the stage has a
    /// source for them (`readingFinishedLines(from:)`).
    public func finishFile(into diagnostics: inout [Diagnostic]) {
        let outcome = runner.finish()
        var records = BatchRecords(finishedLines.map { Self.records(namedIn: outcome, from: $0) }, scope: .linesReadAgain)
        report(outcome, records: &records, into: &diagnostics)
    }

    /// The dataset ended: what the plugin reports in `finish`. Given the dataset's `records` (the editor holds every
    /// line), a finding is placed exactly as one from a batch (its JSON Pointer or byte range resolved, its fix kept),
    /// and one naming a line that is not among them is invalid output; without them, it sits at its line's start.
    public func finishFile(resolvingIn records: RecordBatch?, into diagnostics: inout [Diagnostic]) {
        var records = BatchRecords(records, scope: .dataset)
        report(runner.finish(), records: &records, into: &diagnostics)
    }

    /// The text of the lines `outcome`'s findings name, read from `source`, as records.
    private static func records(namedIn outcome: BatchOutcome, from source: any LineSource) -> RecordBatch {
        var named: Set<Int> = []
        for case .diagnostic(let found) in outcome.events { named.insert(found.line) }
        var batch = RecordBatch()
        // A blank line is no record: the plugin was never given it.
        for (line, text) in source.lines(named).sorted(by: { $0.key < $1.key }) where !LineSplitter.isBlank(text[...]) {
            batch.append(line: line, text: text)
        }
        return batch
    }

    private func report(_ outcome: BatchOutcome, records: inout BatchRecords, into diagnostics: inout [Diagnostic]) {
        var perRecord: [Int: Int] = [:]
        for event in outcome.events {
            switch event {
            case .diagnostic(let found):
                perRecord[found.line, default: 0] += 1
                let count = perRecord[found.line]!
                if count <= Self.findingsPerRecord {
                    append(resolve(found, records: &records), to: &diagnostics)
                } else if count == Self.findingsPerRecord + 1 {
                    append(failure(.invalidOutput, "reported more than \(Self.findingsPerRecord) findings on this record; the rest are not shown",
                                   line: found.line, records: &records), to: &diagnostics)
                }
            // Only pipelines act on transforms; a check validates what they would write. A check's `finish` may name any
            // record of the file, which it has not read again for this.
            case .record(let line, let json):
                if !records.contains(line) && records.scope != .linesReadAgain {
                    append(outsideBatch("rewrote", line: line, records: &records), to: &diagnostics)
                } else if let problem = Self.problem(withRewritten: json) {
                    append(failure(.invalidOutput, "rewrote the record into \(problem)", line: line, records: &records), to: &diagnostics)
                }
            case .drop(let line, _):
                if !records.contains(line) && records.scope != .linesReadAgain {
                    append(outsideBatch("dropped", line: line, records: &records), to: &diagnostics)
                }
            case .refused(let line, let reason):
                append(failure(.invalidOutput, reason, line: line ?? records.firstLine ?? 0, records: &records), to: &diagnostics)
            case .log(_, let message):
                log("plugin \(name): \(Self.cut(message))")
            }
        }
        for failure in outcome.failures { diagnostics.append(report(failure, records: &records)) }
    }

    /// Adds a diagnostic, unless it is invalid output beyond the budget (one summary says so).
    private func append(_ diagnostic: Diagnostic, to diagnostics: inout [Diagnostic]) {
        guard diagnostic.code == PluginCode.invalidOutput.code else { return diagnostics.append(diagnostic) }
        switch invalidOutputBudget.spend() {
        case .within: diagnostics.append(diagnostic)
        case .exhausted:
            var summary = diagnostic
            summary.message += "; plugin \(name) gave invalid output \(invalidOutputBudget.limit) times, later cases are not reported"
            diagnostics.append(summary)
        case .beyond: break
        }
    }

    private func outsideBatch(_ verb: String, line: Int, records: inout BatchRecords) -> Diagnostic {
        let batch = records.firstLine.map { " (lines \($0 + 1)–\((records.lastLine ?? $0) + 1))" } ?? ""
        let given = records.scope == .batch ? "the batch it was given" : "the dataset"
        // A line the file does not have cannot be shown: such a finding goes to the file's first line.
        return failure(.invalidOutput, "\(verb) the record of line \(line + 1), which is not in \(given)\(batch)",
                       line: records.firstLine ?? (records.scope == .linesReadAgain ? 0 : line), records: &records)
    }

    /// A whole-dataset plugin keeps what it learned in its worker, which a restart loses: the records before the
    /// failed call's (which are sent again one by one).
    static func lostRecordsNote(before line: Int) -> String {
        "; it needs the whole dataset, and its new worker has not seen lines 1–\(line): what it reports at the end of "
            + "the file leaves them out"
    }

    static func cut(_ message: String) -> String {
        message.count <= messageLimit ? message : String(message.prefix(messageLimit)) + "… (\(message.count) characters)"
    }

    private func report(_ failure: BatchOutcome.Failure, records: inout BatchRecords) -> Diagnostic {
        let inFinish = records.scope != .batch
        var restarts = failure.restartsLeft > 0
            ? "; restarted (\(failure.restartsLeft) more failure\(failure.restartsLeft == 1 ? "" : "s") before it is quarantined)" : ""
        if !restarts.isEmpty, needsFileOrder, !inFinish, let first = records.firstLine, first > 0 {
            restarts += Self.lostRecordsNote(before: first)
        }
        let handling = inFinish ? "in finish" : "on this record"
        let (code, what): (PluginCode, String) = switch failure.failure {
        case .crashed(let how) where how.hasPrefix("it closed"):
            (.crashed, "closed its end of the pipe \(inFinish ? "in finish" : "while handling this record") and was stopped\(restarts)")
        case .crashed(let how) where how.hasPrefix("exit status"): (.crashed, "exited unexpectedly (\(how)) \(handling)\(restarts)")
        case .crashed(let how): (.crashed, "crashed (\(how)) \(handling)\(restarts)")
        case .timedOut(let seconds):
            (.timeout, "did not \(inFinish ? "return from finish" : "finish this record") within \(Self.seconds(seconds)) and was stopped\(restarts)")
        case .failed(let message): (.failed, "failed\(inFinish ? " in finish" : ""): \(message)")
        case .quarantined: (.quarantined, "failed too often and is quarantined: no later record is checked by it in this run")
        case .protocolError(let message): (.invalidOutput, "broke the worker protocol (\(message))\(restarts)")
        }
        guard let line = failure.line ?? records.firstLine, !inFinish || failure.line != nil else {
            return Diagnostic(code: code.code, severity: .error, message: "plugin \(name) \(what)", range: .lineStart(0))
        }
        let scope = failure.line == nil && records.count > 1 ? " (on the batch of records at lines \(line + 1)–\(records.lastLine! + 1))" : ""
        return self.failure(code, what + scope, line: line, records: &records)
    }

    private func failure(_ code: PluginCode, _ what: String, line: Int, records: inout BatchRecords) -> Diagnostic {
        // A line outside the batch has no record here: the finding goes to the batch's first record instead.
        let placed = records.record(at: line) == nil ? (records.firstLine ?? line) : line
        return Diagnostic(code: code.code, severity: .error, message: "plugin \(name) \(what)",
                          range: records.record(at: placed)?.lineSourceRange ?? .lineStart(placed))
    }

    /// The plugin's diagnostic at its exact place, or a `plugin/invalid-output` saying why it cannot be placed.
    private func resolve(_ found: PluginDiagnostic, records: inout BatchRecords) -> Diagnostic {
        let code = DiagnosticCode(found.code)
        guard found.code.hasPrefix(name + "/"), PluginDescriptor.isValidName(code.name) else {
            return failure(.invalidOutput, "reported the code '\(found.code)', not '\(name)/<name>' (lowercase letters, digits, '-')",
                           line: found.line, records: &records)
        }
        guard let severity = Self.severity(found.severity) else {
            return failure(.invalidOutput, "reported \(found.code) with severity \(found.severity) (1 error … 4 hint)", line: found.line,
                           records: &records)
        }
        let message = Self.cut(found.message)
        guard let record = records.record(at: found.line) else {
            guard records.batch == nil else {
                return outsideBatch("reported \(found.code) for", line: found.line, records: &records)
            }
            // A check's `finish` may name any record of the file, whose text is gone: the finding sits at the line's start.
            return Diagnostic(code: code, severity: severity, message: message, range: .lineStart(found.line))
        }
        let span: Range<Int>
        switch found.place {
        case .pointer(let pointer):
            guard let node = record.node(atPointer: pointer) else {
                return failure(.invalidOutput, "reported \(found.code) at \"\(pointer)\", which names no value of this record",
                               line: found.line, records: &records)
            }
            span = record[node].span
        case .bytes(-1, -1):
            span = 0..<record.lineRange.count
        case .bytes(let start, let end):
            guard start <= end else {
                return failure(.invalidOutput, "reported \(found.code) at bytes \(start)–\(end), an inverted range", line: found.line,
                               records: &records)
            }
            guard start >= 0, end <= record.lineRange.count else {
                return failure(.invalidOutput, "reported \(found.code) at bytes \(start)–\(end), outside the record's \(record.lineRange.count) bytes",
                               line: found.line, records: &records)
            }
            span = start..<end
        }
        let range = record.range(of: span)
        let fixes = found.replacement.map {
            [Fix(title: "Apply \(name)'s suggestion", edits: [TextEdit(range: range, newText: String(decoding: $0, as: UTF8.self))],
                 isPreferred: false)]
        } ?? []
        return Diagnostic(code: code, severity: severity, message: message, range: range, fixes: fixes)
    }

    static func problem(withRewritten json: [UInt8]) -> String? {
        if json.contains(0x0A) || json.contains(0x0D) { return "more than one line" }
        var scanner = RecordScanner()
        let record = scanner.scan(json)
        if let error = record.syntaxError { return "invalid JSON (\(error.message))" }
        return record.rootObject == nil ? "JSON that is not an object" : nil
    }

    private static func severity(_ value: Int) -> Severity? {
        switch value {
        case 1: .error
        case 2: .warning
        case 3: .info
        case 4: .hint
        default: nil
        }
    }

    private static func seconds(_ value: Double) -> String { value == value.rounded() ? "\(Int(value)) s" : "\(value) s" }
}

/// The records of a batch by line, scanned when a diagnostic needs one.
private struct BatchRecords {
    enum Scope {
        /// One call's batch.
        case batch
        /// Every record of the dataset, as the editor gives them to `finish`.
        case dataset
        /// The lines `finish` named, read again from the file: not a run of lines, so no range is shown or used.
        case linesReadAgain
    }

    let batch: RecordBatch?
    let scope: Scope
    private var index: [Int: Int] = [:]
    private var scanned: [Int: ParsedRecord] = [:]

    init(_ batch: RecordBatch?, scope: Scope = .batch) {
        self.batch = batch
        self.scope = scope
        if let batch { for (position, line) in batch.lines.enumerated() { index[line] = position } }
    }

    var count: Int { batch?.count ?? 0 }
    var lines: [Int] { batch?.lines ?? [] }
    func contains(_ line: Int) -> Bool { index[line] != nil }
    /// The run of lines the records are, where findings that cannot be placed go (nil when they are no run).
    var firstLine: Int? { scope == .linesReadAgain ? nil : batch?.lines.first }
    var lastLine: Int? { scope == .linesReadAgain ? nil : batch?.lines.last }

    mutating func record(at line: Int) -> ParsedRecord? {
        if let record = scanned[line] { return record }
        guard let batch, let position = index[line] else { return nil }
        var scanner = RecordScanner()
        var record = ParsedRecord()
        scanner.scan(batch.storage, lineRange: batch.ranges[position], lineNumber: line, into: &record)
        scanned[line] = record
        return record
    }
}


/// A count shared by every batch of a run (batches are checked on several threads).
final class ReportBudget: Sendable {
    let limit: Int
    private let spent = Mutex(0)

    init(limit: Int) {
        self.limit = limit
    }

    enum Outcome { case within, exhausted, beyond }

    func spend() -> Outcome {
        spent.withLock { count in
            count += 1
            return count < limit ? .within : count == limit ? .exhausted : .beyond
        }
    }
}
