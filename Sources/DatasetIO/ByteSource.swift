#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something that fills a buffer with the next bytes of a dataset: a file, standard input, a gzip stream.
protocol ByteSource {
    /// Appends up to `maximum` bytes to `buffer`; returns how many were appended, 0 at the end.
    mutating func read(into buffer: inout [UInt8], maximum: Int) throws(DatasetIOError) -> Int
}

/// Reads a file descriptor with read(2), retrying when a signal interrupts the call.
struct DescriptorSource: ByteSource {
    let descriptor: Int32
    let path: String
    private var scratch: [UInt8] = []

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    mutating func read(into buffer: inout [UInt8], maximum: Int) throws(DatasetIOError) -> Int {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: maximum))
        var count = 0
        repeat {
            count = buffer.withUnsafeMutableBytes { bytes in
                Glibc.read(descriptor, bytes.baseAddress! + start, maximum)
            }
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            buffer.removeLast(maximum)
            throw DatasetIOError(.notReadable, path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        buffer.removeLast(maximum - count)
        return count
    }
}
