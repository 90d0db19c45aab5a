import Checker
import Configuration
import DatasetIO
import Diagnostics
import PluginHost
import RecordScanner
import StageKit

/// Records in flight, each with the line it had in its input file (what plugins and messages refer to); nil where a
/// line was blank or a record was dropped.
typealias PipelineRecords = [(line: Int, bytes: [UInt8])?]

/// One `datalint run`: records read chunk by chunk, passed through each stage in order (batches of 1,000), and
/// written as they come out.
///
/// A stage that needs the whole dataset ends a *leg* of the pipeline: what it passes on waits in a spool file until
/// its `finish` has said which records to rewrite or drop, and the next leg reads the records from there, changed.
/// So every stage sees the records as the stages before it left them.
struct PipelineRun {
    let quiet: Bool
    private var errors = StandardStream.error()
    private var counts = (read: 0, written: 0, rewritten: 0, dropped: 0, failures: 0)

    init(quiet: Bool) {
        self.quiet = quiet
    }

    mutating func run(files: [String], plugins: [String], configurations: [String: String], isolation: PluginIsolation,
                      timeout: Double?, output: String?) async -> Int32 {
        // The plugins' configurations and limits of the nearest datalint.toml (of the first input), the command
        // line's on top. Only stages named on the command line run: a pipeline is what its command says.
        let loader = ConfigurationLoader(schema: .standard(stageNames: BuiltInStages.names, catalog: BuiltInStages.catalog))
        let settings: PluginSettings
        do {
            let near = files.first.flatMap { $0 == "-" ? nil : $0 } ?? "./-"
            settings = try loader.loadNearest(toDatasetAt: near)?.settings.plugins ?? PluginSettings()
        } catch {
            return fail(error.problems.map(\.description).joined(separator: "\n"))
        }
        let merged = settings.configuration.merging(configurations) { _, command in command }
        let limits = IsolationLimits(timeout: timeout ?? settings.timeoutSeconds, memoryBytes: settings.memoryLimitMB << 20,
                                     restarts: settings.restarts)
        let stages: [PluginStage]
        do throws(PluginStartError) {
            stages = try PluginSet.start(plugins.map { PluginRequest(path: $0, configurations: merged, isolation: isolation, limits: limits) },
                                         reservedNames: BuiltInStages.names + ["plugin"], workerCommand: PluginWorkerCommand.command) { message in
                var errors = StandardStream.error()
                errors.write("datalint: \(message)\n")
                errors.flush()
            }
        } catch {
            return fail("\(error)")
        }
        for problem in PluginSet.unusedConfigurations(configurations.keys, stages: stages) { report("datalint: note: " + problem) }
        var sink: OutputSink
        do {
            sink = try OutputSink(path: output)
        } catch {
            return fail("\(error)")
        }
        for file in files {
            do {
                try runLegs(Self.legs(of: stages), over: file, into: &sink)
            } catch {
                return fail("\(error)")
            }
        }
        do {
            try sink.finish()
        } catch {
            return fail("\(error)")
        }
        if !quiet {
            errors.write("datalint: \(counts.read) records in, \(counts.written) out (\(counts.rewritten) rewritten, "
                         + "\(counts.dropped) dropped)\(counts.failures > 0 ? "; \(counts.failures) plugin failure\(counts.failures == 1 ? "" : "s"), their records kept as they were" : "")\n")
            errors.flush()
        }
        return counts.failures > 0 ? 1 : 0
    }

    /// The stages in legs: each leg but the last ends with a transform that needs the whole dataset (whose `finish`
    /// may still change records); the last leg may be empty, when only that `finish` remains to be applied.
    static func legs(of stages: [PluginStage]) -> [[PluginStage]] {
        var legs: [[PluginStage]] = [[]]
        for stage in stages {
            legs[legs.count - 1].append(stage)
            if stage.changesRecordsInFinish { legs.append([]) }
        }
        return legs
    }

    /// One input file through every leg: the first reads the file, each next one the spool of the leg before it,
    /// applying what the leg's last stage asked for in `finish` as the records are read back.
    private mutating func runLegs(_ legs: [[PluginStage]], over file: String, into sink: inout OutputSink) throws {
        let name = file == "-" ? "<stdin>" : file
        let reader = try DatasetReader(path: file)
        defer { reader.close() }
        var source = LegSource.file(reader)
        var finished = FinishChanges()
        for (index, leg) in legs.enumerated() {
            let spool = index + 1 < legs.count ? try Spool() : nil
            while let read = try source.next() {
                if case .file = source { counts.read += read.count { $0 != nil } }
                let records = process(apply(&finished, to: read, file: name), file: name, through: leg)
                let batch = Self.batch(of: records)
                if let spool {
                    try spool.append(batch.storage, lines: batch.lines)
                } else {
                    try sink.write(batch.storage)
                    counts.written += batch.count
                }
            }
            reportUnapplied(finished, file: name)
            finished = finish(leg, file: name)
            if let spool { source = try .spool(spool.file.lines(), lines: spool.lines) }
        }
    }

    /// The end of a leg's records: every stage's `finish` (whole-dataset stages report now, and start over with the
    /// next file); the rewrites and drops its last stage asks for, which the next leg applies.
    private mutating func finish(_ leg: [PluginStage], file: String) -> FinishChanges {
        var changes = FinishChanges()
        for stage in leg {
            if stage.changesRecordsInFinish {
                let result = stage.finishTransform()
                changes = FinishChanges(stage: stage.name, byLine: result.changes)
                report(result.diagnostics, file: file)
            } else {
                var found: [Diagnostic] = []
                stage.finishFile(into: &found)
                report(found, file: file)
            }
        }
        return changes
    }

    /// A whole-dataset stage's `finish` changes, applied to the records read back from its leg's spool (and taken
    /// out of `finished`, so that what remains at the end did not reach the stage).
    private mutating func apply(_ finished: inout FinishChanges, to records: PipelineRecords, file: String) -> PipelineRecords {
        guard !finished.byLine.isEmpty else { return records }
        return records.map { record in
            guard let record, let change = finished.byLine.removeValue(forKey: record.line) else { return record }
            return applying(change, to: record, stage: finished.stage, file: file)
        }
    }

    /// Changes `finish` asked for records that never reached its stage: reported, as for a batch.
    private mutating func reportUnapplied(_ finished: FinishChanges, file: String) {
        for line in finished.byLine.keys.sorted() {
            counts.failures += 1
            report("\(file):\(line + 1): error[\(PluginCode.invalidOutput.code)]: plugin \(finished.stage) changed the record of "
                   + "line \(line + 1) in finish, which did not reach it (a blank line, dropped before, or past the end)")
        }
    }

    /// A stage's rewrite or drop of one record: the record that goes on, if any.
    private mutating func applying(_ change: PluginStage.TransformResult.Change, to record: (line: Int, bytes: [UInt8]),
                                   stage: String, file: String) -> (line: Int, bytes: [UInt8])? {
        switch change {
        case .rewritten(let bytes):
            counts.rewritten += 1
            return (record.line, bytes)
        case .dropped(let reason):
            counts.dropped += 1
            report("\(file):\(record.line + 1): dropped by \(stage)\(reason.isEmpty ? "" : ": \(reason)")")
            return nil
        }
    }

    /// The records still in the pipeline, one after another with a line feed each: a batch for a stage, and the
    /// bytes to write.
    private static func batch(of records: PipelineRecords) -> RecordBatch {
        var batch = RecordBatch()
        for case let record? in records { batch.append(line: record.line, text: record.bytes) }
        return batch
    }

    private mutating func report(_ diagnostics: [Diagnostic], file: String) {
        for diagnostic in diagnostics {
            if diagnostic.code.family == "plugin" { counts.failures += 1 }
            report("\(file):\(diagnostic.line + 1):\(diagnostic.range.start.utf8Column + 1): \(diagnostic.severity.rawValue)"
                   + "[\(diagnostic.code)]: \(diagnostic.message)")
        }
    }

    /// Records after each of `stages` in turn.
    private mutating func process(_ records: PipelineRecords, file: String, through stages: [PluginStage]) -> PipelineRecords {
        var records = records
        for stage in stages { records = apply(stage, to: records, file: file) }
        return records
    }

    /// One stage over the records still in the pipeline: its rewrites and drops applied, its findings reported.
    private mutating func apply(_ stage: PluginStage, to records: PipelineRecords, file: String) -> PipelineRecords {
        let result = stage.transform(Self.batch(of: records))
        var output = records
        var position: [Int: Int] = [:]
        for (index, record) in records.enumerated() where record != nil { position[record!.line] = index }
        for (line, change) in result.changes.sorted(by: { $0.key < $1.key }) {
            guard let index = position[line], let record = output[index] else { continue }
            output[index] = applying(change, to: record, stage: stage.name, file: file)
        }
        report(result.diagnostics, file: file)
        return output
    }

    private mutating func report(_ line: String) {
        guard !quiet else { return }
        errors.write(line + "\n")
        errors.flush()
    }

    private mutating func fail(_ message: String) -> Int32 {
        errors.write("datalint: error: \(message)\n")
        errors.flush()
        return 2
    }
}

/// Standard output, or a file that appears complete when the run ends (and not at all when it fails).
private struct OutputSink {
    private let file: AtomicOutputFile?
    private var standardOutput = StandardStream.output()

    init(path: String?) throws(AtomicWriteError) {
        file = try path.map { path throws(AtomicWriteError) in try AtomicOutputFile(replacing: path) }
    }

    mutating func write(_ bytes: [UInt8]) throws(AtomicWriteError) {
        guard !bytes.isEmpty else { return }
        if let file { try file.write(bytes) } else { standardOutput.write(bytes: bytes) }
    }

    mutating func finish() throws(AtomicWriteError) {
        if let file { try file.commit() } else { standardOutput.flush() }
    }
}

/// Where a leg's records come from: the input file, or the spool of the leg before it with the input line of each
/// of its lines.
private enum LegSource {
    case file(DatasetReader)
    case spool(SpoolLines, lines: [Int])

    /// The next chunk's records, with their input lines; blank lines of the input are nil.
    mutating func next() throws -> PipelineRecords? {
        switch self {
        case .file(var reader):
            defer { self = .file(reader) }
            return try reader.nextChunk().map { Self.records(in: $0, inputLine: { $0 }) }
        case .spool(var spool, let lines):
            defer { self = .spool(spool, lines: lines) }
            return try spool.nextChunk().map { Self.records(in: $0, inputLine: { lines[$0] }) }
        }
    }

    private static func records(in chunk: (bytes: [UInt8], firstLine: Int), inputLine: (Int) -> Int) -> PipelineRecords {
        var records: PipelineRecords = []
        var line = chunk.firstLine
        LineSplitter.forEachLine(in: chunk.bytes) { range in
            records.append(LineSplitter.isBlank(chunk.bytes[range]) ? nil : (inputLine(line), Array(chunk.bytes[range])))
            line += 1
        }
        return records
    }
}

/// The rewrites and drops a whole-dataset transform asked for in `finish`, by input line, until they are applied.
private struct FinishChanges {
    var stage = ""
    var byLine: [Int: PluginStage.TransformResult.Change] = [:]
}

/// The records a leg passed on, in a temporary file, and the input line of each.
private final class Spool {
    let file: SpoolFile
    private(set) var lines: [Int] = []

    init() throws(SpoolError) {
        file = try SpoolFile()
    }

    func append(_ bytes: [UInt8], lines more: [Int]) throws(SpoolError) {
        try file.write(bytes)
        lines += more
    }
}
