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

    mutating func read(into buffer: inout [UInt8], maximum: Int) throws(DatasetIOError) -> Int {
        let start = buffer.count
        while !finished && buffer.count - start < maximum {
            if inputOffset == input.count {
                input.removeAll(keepingCapacity: true)
                inputOffset = 0
                if try compressed.read(into: &input, maximum: Self.inputChunk) == 0 {
                    guard inflater.isBetweenMembers else { throw corrupt("the gzip data ends in the middle of a stream") }
                    finished = true
                    break
                }
            }
            let step = inflater.inflate(input[inputOffset...], appendingTo: &buffer,
                                        maximum: maximum - (buffer.count - start))
            inputOffset += step.consumed
            compressedOffset += step.consumed
            if let failure = step.failure { throw corrupt(failure) }
        }
        return buffer.count - start
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
        var failure: String?
    }

    func inflate(_ input: ArraySlice<UInt8>, appendingTo output: inout [UInt8], maximum: Int) -> Step {
        let outputStart = output.count
        output.append(contentsOf: repeatElement(0, count: maximum))
        var status: Int32 = Z_OK
        var consumed = 0
        var produced = 0
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress! + outputStart
                stream.avail_out = UInt32(maximum)
                status = zlibInflate(&stream, Z_NO_FLUSH)
                consumed = source.count - Int(stream.avail_in)
                produced = maximum - Int(stream.avail_out)
            }
        }
        output.removeLast(maximum - produced)
        isBetweenMembers = false
        switch status {
        case Z_STREAM_END:
            isBetweenMembers = true
            inflateReset(&stream)
            return Step(consumed: consumed)
        case Z_OK, Z_BUF_ERROR:
            return Step(consumed: consumed)
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            return Step(consumed: consumed, failure: message)
        }
    }
}

/// zlib's `inflate`, named apart from the method that calls it.
private func zlibInflate(_ stream: UnsafeMutablePointer<z_stream>, _ flush: Int32) -> Int32 {
    inflate(stream, flush)
}
