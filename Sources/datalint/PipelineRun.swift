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
            if Self.changesRecordsInFinish(stage) { legs.append([]) }
        }
        return legs
    }

    private static func changesRecordsInFinish(_ stage: PluginStage) -> Bool {
        stage.needsFileOrder && stage.runner.descriptor.capabilities.contains(.transforms)
    }

    /// One input file through every leg: the first reads the file, each next one the spool of the leg before it.
    private mutating func runLegs(_ legs: [[PluginStage]], over file: String, into sink: inout OutputSink) throws {
        let name = file == "-" ? "<stdin>" : file
        var source = LegSource(reader: try DatasetReader(path: file))
        defer { source.reader.close() }
        for (index, leg) in legs.enumerated() {
            let spool = index + 1 < legs.count ? try Spool() : nil
            while var records = try source.next() {
                if index == 0 { counts.read += records.count { $0 != nil } } else { records = applyFinished(source, to: records, file: name) }
                records = process(records, file: name, through: leg)
                if let spool {
                    try spool.append(records)
                } else {
                    try sink.write(bytes(of: records))
                    counts.written += records.count { $0 != nil }
                }
            }
            reportUnapplied(source, file: name)
            // Whole-dataset stages report now, and start over with the next file; the last one's rewrites and drops
            // wait for the next leg.
            var changes: [Int: PluginStage.TransformResult.Change] = [:]
            for stage in leg {
                if Self.changesRecordsInFinish(stage) {
                    let finished = stage.finishTransform()
                    changes = finished.changes
                    report(finished.diagnostics, file: name)
                } else {
                    var found: [Diagnostic] = []
                    stage.finishFile(into: &found)
                    report(found, file: name)
                }
            }
            if let spool {
                source.reader.close()
                source = LegSource(reader: try spool.file.reader(), lines: spool.lines, changes: changes, stage: leg.last!.name)
            }
        }
    }

    /// A whole-dataset stage's `finish` changes, applied to records read back from its leg's spool.
    private mutating func applyFinished(_ source: LegSource, to records: PipelineRecords, file: String) -> PipelineRecords {
        records.map { record in
            guard let record, let change = source.changes[record.line] else { return record }
            switch change {
            case .rewritten(let bytes):
                counts.rewritten += 1
                return (record.line, bytes)
            case .dropped(let reason):
                counts.dropped += 1
                report("\(file):\(record.line + 1): dropped by \(source.stage)\(reason.isEmpty ? "" : ": \(reason)")")
                return nil
            }
        }
    }

    /// Changes `finish` asked for records that did not reach its stage: reported, as for a batch.
    private mutating func reportUnapplied(_ source: LegSource, file: String) {
        guard !source.changes.isEmpty else { return }
        let reached = Set(source.lines ?? [])
        for line in source.changes.keys.sorted() where !reached.contains(line) {
            counts.failures += 1
            report("\(file):\(line + 1): error[\(PluginCode.invalidOutput.code)]: plugin \(source.stage) changed the record of "
                   + "line \(line + 1) in finish, which did not reach it (blank, dropped before, or past the end)")
        }
    }

    private func bytes(of records: PipelineRecords) -> [UInt8] {
        var bytes: [UInt8] = []
        for record in records {
            guard let record else { continue }
            bytes += record.bytes
            bytes.append(0x0A)
        }
        return bytes
    }

    private mutating func report(_ diagnostics: [Diagnostic], file: String) {
        for diagnostic in diagnostics {
            if diagnostic.code.family == "plugin" { counts.failures += 1 }
            report("\(file):\(diagnostic.line + 1): \(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)")
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
        let present = records.indices.filter { records[$0] != nil }
        var storage: [UInt8] = []
        var ranges: [Range<Int>] = []
        for index in present {
            let start = storage.count
            storage += records[index]!.bytes
            ranges.append(start..<storage.count)
            storage.append(0x0A)
        }
        let batch = RecordBatch(storage: storage, lines: present.map { records[$0]!.line }, ranges: ranges)
        let result = stage.transform(batch)
        var output = records
        var position: [Int: Int] = [:]
        for index in present { position[records[index]!.line] = index }
        for (line, change) in result.changes.sorted(by: { $0.key < $1.key }) {
            guard let index = position[line] else { continue }
            switch change {
            case .rewritten(let bytes):
                output[index] = (line, bytes)
                counts.rewritten += 1
            case .dropped(let reason):
                output[index] = nil
                counts.dropped += 1
                report("\(file):\(line + 1): dropped by \(stage.name)\(reason.isEmpty ? "" : ": \(reason)")")
            }
        }
        for diagnostic in result.diagnostics {
            if diagnostic.code.family == "plugin" { counts.failures += 1 }
            report("\(file):\(diagnostic.line + 1):\(diagnostic.range.start.utf8Column + 1): \(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)")
        }
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

/// Where a leg's records come from: the input file, or the spool of the leg before it with the changes its last
/// stage's `finish` asked for.
private struct LegSource {
    var reader: DatasetReader
    /// For a spool: the input line of each of its lines (nil: the reader is the input file).
    var lines: [Int]?
    var changes: [Int: PluginStage.TransformResult.Change] = [:]
    /// The stage whose `finish` asked for `changes`.
    var stage = ""

    /// The next chunk's records, with their input lines.
    mutating func next() throws(DatasetIOError) -> PipelineRecords? {
        guard let chunk = try reader.nextChunk() else { return nil }
        var records: PipelineRecords = []
        var line = chunk.firstLine
        LineSplitter.forEachLine(in: chunk.bytes) { range in
            let isBlank = LineSplitter.isBlank(chunk.bytes[range])
            records.append(isBlank ? nil : (lines?[line] ?? line, Array(chunk.bytes[range])))
            line += 1
        }
        return records
    }
}

/// The records a leg passed on, in a temporary file, and the input line of each.
private final class Spool {
    let file: SpoolFile
    private(set) var lines: [Int] = []

    init() throws(AtomicWriteError) {
        file = try SpoolFile()
    }

    func append(_ records: PipelineRecords) throws(AtomicWriteError) {
        var bytes: [UInt8] = []
        for record in records {
            guard let record else { continue }
            bytes += record.bytes
            bytes.append(0x0A)
            lines.append(record.line)
        }
        try file.write(bytes)
    }
}
