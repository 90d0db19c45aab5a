import CZlib

/// Inflates a gzip stream read from another source, including files of several concatenated gzip members
/// (what `cat a.gz b.gz` and parallel compressors produce).
struct GzipSource: ByteSource {
    private var compressed: DescriptorSource
    private let inflater: Inflater
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var compressedOffset = 0
    private var finished = false
    private static let inputChunk = 1 << 18

    init(compressed: DescriptorSource, prefix: [UInt8]) throws(DatasetIOError) {
        self.compressed = compressed
        self.input = prefix
        guard let inflater = Inflater() else {
            throw DatasetIOError(.corruptCompression, path: compressed.path, reason: "cannot start gzip decompression")
        }
        self.inflater = inflater
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(DatasetIOError) -> Int {
        var produced = 0
        while !finished && produced < buffer.count {
            if inputOffset == input.count {
                inputOffset = 0
                let refill = try compressed.read(after: [], upTo: Self.inputChunk)
                input = refill.bytes
                if input.isEmpty {
                    guard inflater.isBetweenMembers else { throw corrupt("the gzip data ends in the middle of a stream") }
                    finished = true
                    break
                }
            }
            let step = input.withUnsafeBytes { source in
                inflater.inflate(UnsafeRawBufferPointer(rebasing: source[inputOffset...]),
                                 into: UnsafeMutableRawBufferPointer(rebasing: buffer[produced...]))
            }
            inputOffset += step.consumed
            compressedOffset += step.consumed
            produced += step.produced
            if let failure = step.failure { throw corrupt(failure) }
        }
        return produced
    }

    private func corrupt(_ reason: String) -> DatasetIOError {
        DatasetIOError(.corruptCompression, path: compressed.path,
                       reason: "corrupt gzip data near compressed byte \(compressedOffset): \(reason)")
    }
}

/// Owns zlib's stream state, which holds pointers into itself and so must stay at one address.
private final class Inflater {
    private var stream = z_stream()
    /// True before the first member and after each member's end: a clean place for the input to stop.
    private(set) var isBetweenMembers = true

    init?() {
        // 16 + MAX_WBITS: expect a gzip header and trailer rather than raw zlib data.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
    }

    deinit { inflateEnd(&stream) }

    struct Step {
        var consumed: Int
        var produced: Int
        var failure: String?
    }

    /// Inflates from `input` into `output`; zlib keeps neither pointer past the call.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Step {
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        // zlib counts in 32 bits; a longer output (one huge line) is filled over several calls.
        let inputCount = min(input.count, Int(UInt32.max))
        let outputCount = min(output.count, Int(UInt32.max))
        stream.avail_in = UInt32(inputCount)
        stream.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.avail_out = UInt32(outputCount)
        let status = zlibInflate(&stream, Z_NO_FLUSH)
        let step = Step(consumed: inputCount - Int(stream.avail_in), produced: outputCount - Int(stream.avail_out))
        stream.next_in = nil
        stream.next_out = nil
        isBetweenMembers = false
        switch status {
        case Z_STREAM_END:
            isBetweenMembers = true
            inflateReset(&stream)
            return step
        case Z_OK, Z_BUF_ERROR:
            return step
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            return Step(consumed: step.consumed, produced: step.produced, failure: message)
        }
    }
}

/// zlib's `inflate`, named apart from the method that calls it.
private func zlibInflate(_ stream: UnsafeMutablePointer<z_stream>, _ flush: Int32) -> Int32 {
    inflate(stream, flush)
}
