import Checker
import Configuration
import DatasetIO
import Diagnostics
import PluginHost
import RecordScanner
import StageKit

/// One `datalint run`: records read chunk by chunk, passed through each stage in order (batches of 1,000), and
/// written as they come out.
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
                var reader = try DatasetReader(path: file)
                defer { reader.close() }
                let name = file == "-" ? "<stdin>" : file
                while let chunk = try reader.nextChunk() {
                    try sink.write(process(chunk, file: name, through: stages))
                }
                // Whole-dataset stages report now, and start over with the next file.
                for stage in stages {
                    var found: [Diagnostic] = []
                    stage.finishFile(into: &found)
                    for diagnostic in found {
                        if diagnostic.code.family == "plugin" { counts.failures += 1 }
                        report("\(name):\(diagnostic.line + 1): \(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)")
                    }
                }
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

    /// The chunk's records after every stage, as output bytes.
    private mutating func process(_ chunk: (bytes: [UInt8], firstLine: Int), file: String, through stages: [PluginStage]) -> [UInt8] {
        var records: [(line: Int, bytes: [UInt8])?] = []
        var line = chunk.firstLine
        LineSplitter.forEachLine(in: chunk.bytes) { range in
            let isBlank = LineSplitter.isBlank(chunk.bytes[range])
            records.append(isBlank ? nil : (line, Array(chunk.bytes[range])))
            line += 1
        }
        counts.read += records.count { $0 != nil }
        for stage in stages { records = apply(stage, to: records, file: file) }
        var bytes: [UInt8] = []
        for record in records {
            guard let record else { continue }
            bytes += record.bytes
            bytes.append(0x0A)
            counts.written += 1
        }
        return bytes
    }

    /// One stage over the records still in the pipeline: its rewrites and drops applied, its findings reported.
    private mutating func apply(_ stage: PluginStage, to records: [(line: Int, bytes: [UInt8])?], file: String)
        -> [(line: Int, bytes: [UInt8])?] {
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
