import DatasetIO
import Hashing

/// Whole lines read from one file, and where each non-blank one lies in them.
struct RecordBatch: Sendable {
    struct Record: Sendable {
        /// 0-based line number in the file.
        let line: Int
        /// The line's bytes without its line ending.
        let range: Range<Int>
    }

    let file: Int
    let bytes: [UInt8]
    let records: [Record]

    /// A hash of the batch's bytes: the second pass over the files checks it reads what the first one read.
    var checksum: UInt64 { XXH3.hash64(bytes, seed: UInt64(file)) }

    /// Splits a chunk from `DatasetReader` into its lines, leaving out those with nothing but white space.
    init(file: Int, chunk: (bytes: [UInt8], firstLine: Int)) {
        self.file = file
        bytes = chunk.bytes
        var records: [Record] = []
        var line = chunk.firstLine
        LineSplitter.forEachLine(in: chunk.bytes) { range in
            // A line of white space is no record; the first other byte decides, so a record costs one byte here.
            if chunk.bytes[range].contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                records.append(Record(line: line, range: range))
            }
            line += 1
        }
        self.records = records
    }

    /// Reads every file in turn, a chunk at a time, calling `body` with each chunk's batch.
    static func read(_ paths: [String], _ body: (RecordBatch) async -> Void) async throws(DatasetIOError) {
        for (file, path) in paths.enumerated() {
            var reader = try DatasetReader(path: path, chunkSize: 4 << 20)
            defer { reader.close() }
            while let chunk = try reader.nextChunk() {
                await body(RecordBatch(file: file, chunk: chunk))
            }
        }
    }

    /// Reads the files' batches and runs the work `prepare` makes for each (nil: nothing to do) on up to `jobs`
    /// tasks at once while the next batches are read; `collect` gets each output on the calling task, in the order
    /// the work finishes.
    static func process<Output: Sendable>(_ paths: [String], jobs: Int,
                                          prepare: (RecordBatch) -> (@Sendable () -> Output)?,
                                          collect: (Output) -> Void) async throws(DatasetIOError) {
        var failure: DatasetIOError?
        await withTaskGroup(of: Output.self) { group in
            var inFlight = 0
            do throws(DatasetIOError) {
                try await read(paths) { batch in
                    guard let work = prepare(batch) else { return }
                    if inFlight >= max(1, jobs), let output = await group.next() {
                        collect(output)
                        inFlight -= 1
                    }
                    group.addTask(operation: work)
                    inFlight += 1
                }
            } catch {
                failure = error
            }
            while let output = await group.next() { collect(output) }
        }
        if let failure { throw failure }
    }
}
