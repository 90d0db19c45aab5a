import DatasetIO
import Foundation
import Testing

/// The reader hands out chunks of whole lines, read in place into each chunk's buffer. Whatever the chunk
/// size, the chunks must add up to the file (less a byte order mark), each must end at a line end (but the
/// last), and each must know the number of its first line.
@Suite struct DatasetReaderTests {
    private func temporaryFile(_ bytes: [UInt8], suffix: String = ".jsonl") throws -> String {
        let path = NSTemporaryDirectory() + "datalint-reader-\(UUID().uuidString)\(suffix)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func readAll(_ path: String, chunkSize: Int) throws -> [(bytes: [UInt8], firstLine: Int)] {
        var reader = try DatasetReader(path: path, chunkSize: chunkSize)
        defer { reader.close() }
        var chunks: [(bytes: [UInt8], firstLine: Int)] = []
        while let chunk = try reader.nextChunk() { chunks.append(chunk) }
        return chunks
    }

    /// Checks the chunks of `expected` (the file's content after any byte order mark).
    private func expectWholeLines(_ chunks: [(bytes: [UInt8], firstLine: Int)], _ expected: [UInt8],
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(chunks.flatMap(\.bytes) == expected, sourceLocation: sourceLocation)
        var line = 0
        for (index, chunk) in chunks.enumerated() {
            #expect(chunk.firstLine == line, sourceLocation: sourceLocation)
            #expect(!chunk.bytes.isEmpty, sourceLocation: sourceLocation)
            if index < chunks.count - 1 { #expect(chunk.bytes.last == 0x0A, sourceLocation: sourceLocation) }
            line += chunk.bytes.filter { $0 == 0x0A }.count
            if chunk.bytes.last != 0x0A { line += 1 }
        }
    }

    private func sampleFile(seed: UInt64, lines: Int) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        for number in 0..<lines {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // Mostly short lines, some longer than a 4 KiB chunk, a few much longer; CR LF and blank lines too.
            let length = state % 10 == 0 ? Int(state >> 40) % 20_000 : Int(state >> 40) % 300
            bytes += Array("{\"n\": \(number), \"t\": \"".utf8) + Array(repeating: UInt8(ascii: "x"), count: length)
                + Array("\"}".utf8)
            bytes += state % 7 == 0 ? [0x0D, 0x0A] : [0x0A]
            if state % 13 == 0 { bytes += [0x0A] }
        }
        return bytes
    }

    @Test func chunksAddUpToTheFileAtEveryChunkSize() throws {
        let content = sampleFile(seed: 1, lines: 400)
        let path = try temporaryFile(content)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for chunkSize in [1, 4096, 5000, 65_536, 1 << 20] {
            expectWholeLines(try readAll(path, chunkSize: chunkSize), content)
        }
    }

    @Test func lastLineWithoutLineEndIsRead() throws {
        let content = sampleFile(seed: 2, lines: 50) + Array(#"{"last": true}"#.utf8)
        let path = try temporaryFile(content)
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectWholeLines(try readAll(path, chunkSize: 4096), content)
    }

    @Test func lineLongerThanManyChunksIsOneLine() throws {
        let long = Array(repeating: UInt8(ascii: "y"), count: 300_000)
        let content = Array("{\"a\": 1}\n\"".utf8) + long + Array("\"\n{\"b\": 2}\n".utf8)
        let path = try temporaryFile(content)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let chunks = try readAll(path, chunkSize: 4096)
        expectWholeLines(chunks, content)
        #expect(chunks.contains { $0.bytes.count > 300_000 })
    }

    @Test func byteOrderMarkIsDroppedAndEmptyFileHasNoChunks() throws {
        let content = sampleFile(seed: 3, lines: 20)
        let path = try temporaryFile([0xEF, 0xBB, 0xBF] + content)
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectWholeLines(try readAll(path, chunkSize: 4096), content)
        let empty = try temporaryFile([])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(try readAll(empty, chunkSize: 4096).isEmpty)
    }

    @Test func gzipMembersAreReadAsOneStream() throws {
        guard let gzip = ["/usr/bin/gzip", "/bin/gzip"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("gzip is not installed, so compressed input cannot be produced for this test")
            return
        }
        let first = sampleFile(seed: 4, lines: 300)
        let second = sampleFile(seed: 5, lines: 300)
        var compressed: [UInt8] = []
        for part in [first, second] {
            let input = try temporaryFile(part)
            defer { try? FileManager.default.removeItem(atPath: input) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: gzip)
            process.arguments = ["-c", input]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            compressed += [UInt8](pipe.fileHandleForReading.readDataToEndOfFile())
            process.waitUntilExit()
        }
        let path = try temporaryFile(compressed, suffix: ".jsonl.gz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        for chunkSize in [4096, 1 << 20] {
            var reader = try DatasetReader(path: path, chunkSize: chunkSize)
            #expect(reader.isCompressed)
            var chunks: [(bytes: [UInt8], firstLine: Int)] = []
            while let chunk = try reader.nextChunk() { chunks.append(chunk) }
            reader.close()
            expectWholeLines(chunks, first + second)
        }
        // Cut short, the stream is reported as damaged rather than read as a shorter file.
        let truncated = try temporaryFile(Array(compressed.prefix(compressed.count / 3)), suffix: ".jsonl.gz")
        defer { try? FileManager.default.removeItem(atPath: truncated) }
        #expect(throws: DatasetIOError.self) { _ = try readAll(truncated, chunkSize: 4096) }
    }
}
