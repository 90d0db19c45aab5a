import Diagnostics
import RecordScanner

/// A stage that checks the records of a chunk in one call: a plugin, for which a call across the C boundary or a
/// pipe costs more than checking one record. Its records arrive in file order, with their text in the chunk's
/// storage (not copied); diagnostics may come in any order and are placed at their records' lines.
public protocol BatchRecordStage: Sendable {
    var name: String { get }
    var codes: [CodeDescriptor] { get }
    func check(_ batch: RecordBatch, into diagnostics: inout [Diagnostic])
    /// Every record of a file was checked: what only the whole file shows.
    func finishFile(into diagnostics: inout [Diagnostic])
    /// True when batches must arrive in file order (a stage that keeps state across the file, such as the first
    /// occurrence of something): they are then checked one after another as the file is consumed, not in parallel.
    var needsFileOrder: Bool { get }
}

extension BatchRecordStage {
    public var needsFileOrder: Bool { false }
}

/// Records of one chunk: each line's number and its content's range in `storage`.
public struct RecordBatch: Sendable {
    public private(set) var storage: [UInt8]
    public private(set) var lines: [Int]
    public private(set) var ranges: [Range<Int>]

    public init(storage: [UInt8], lines: [Int], ranges: [Range<Int>]) {
        self.storage = storage
        self.lines = lines
        self.ranges = ranges
    }

    /// An empty batch, to build record by record (`append`).
    public init() {
        self.init(storage: [], lines: [], ranges: [])
    }

    public var count: Int { lines.count }

    /// Adds the record of `line` after the others, followed by a line feed as in a file.
    public mutating func append(line: Int, text: some Collection<UInt8>) {
        ranges.append(storage.count..<(storage.count + text.count))
        storage.append(contentsOf: text)
        storage.append(0x0A)
        lines.append(line)
    }
}

extension AnyRecordStage {
    /// Wraps a batch stage: its chunk run collects the chunk's lines and checks them all when the chunk ends.
    public init<Stage: BatchRecordStage>(batch stage: Stage) {
        self.init(name: stage.name, codes: stage.codes,
                  makeRun: { BatchChunkRun(stage: stage) },
                  makeFileAggregate: { BatchFileAggregate(stage: stage) },
                  checkOne: { record, diagnostics in
                      stage.check(RecordBatch(storage: record.storage, lines: [record.lineNumber], ranges: [record.lineRange]),
                                  into: &diagnostics)
                      return NoFacts()
                  },
                  compareFacts: { _, _ in true })
    }
}

/// A batch stage has no facts: whatever its whole-file work needs, it keeps itself.
struct NoFacts: Sendable, Equatable {}

struct BatchChunkRun<Stage: BatchRecordStage>: ChunkRun {
    let stage: Stage
    var storage: [UInt8] = []
    var lines: [Int] = []
    var ranges: [Range<Int>] = []

    mutating func check(_ record: ParsedRecord, into diagnostics: inout [Diagnostic]) {
        if lines.isEmpty { storage = record.storage }
        lines.append(record.lineNumber)
        ranges.append(record.lineRange)
    }

    mutating func finishChunk(into diagnostics: inout [Diagnostic]) {
        guard !lines.isEmpty, !stage.needsFileOrder else { return }
        stage.check(RecordBatch(storage: storage, lines: lines, ranges: ranges), into: &diagnostics)
        (storage, lines, ranges) = ([], [], [])
    }

    /// A stage that needs file order gets its batch from the file's aggregate, which consumes chunks in order.
    mutating func takeFacts() -> any Sendable {
        guard stage.needsFileOrder, !lines.isEmpty else { return NoFacts() }
        defer { (storage, lines, ranges) = ([], [], []) }
        return RecordBatch(storage: storage, lines: lines, ranges: ranges)
    }
}

struct BatchFileAggregate<Stage: BatchRecordStage>: FileAggregate {
    let stage: Stage
    /// What an in-order stage found, reported with the file's end.
    var found: [Diagnostic] = []

    mutating func absorb(chunkFacts: any Sendable) {
        if let batch = chunkFacts as? RecordBatch { stage.check(batch, into: &found) }
    }

    mutating func absorb(recordFacts: any Sendable, line: Int) {}

    func finish(into diagnostics: inout [Diagnostic]) {
        diagnostics += found
        stage.finishFile(into: &diagnostics)
    }

    var stageAggregate: any StageAggregate { NoAggregate<NoFacts>() }
}
