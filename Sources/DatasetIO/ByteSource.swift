#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something that fills a buffer with the next bytes of a dataset: a file, standard input, a gzip stream.
///
/// A source writes straight into the memory it is lent (the chunk being built), so the bytes of a dataset are
/// copied once, by the kernel or by zlib, and never zero-filled first.
protocol ByteSource {
    /// Writes up to `buffer.count` bytes at the start of `buffer`; returns how many, 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(DatasetIOError) -> Int
}

extension ByteSource {
    /// A new array holding `prefix` and then the next bytes of the source, read in place, until `maximum` more
    /// bytes were read or the source ended (`ended`).
    mutating func read(after prefix: [UInt8], upTo maximum: Int) throws(DatasetIOError) -> (bytes: [UInt8], ended: Bool) {
        var failure: DatasetIOError?
        var ended = false
        let bytes = [UInt8](unsafeUninitializedCapacity: prefix.count + maximum) { buffer, count in
            let memory = UnsafeMutableRawBufferPointer(buffer)
            prefix.withUnsafeBytes { memory.copyMemory(from: $0) }
            count = prefix.count
            while count < memory.count {
                do throws(DatasetIOError) {
                    let read = try self.read(into: UnsafeMutableRawBufferPointer(rebasing: memory[count...]))
                    if read == 0 {
                        ended = true
                        break
                    }
                    count += read
                } catch {
                    failure = error
                    break
                }
            }
        }
        if let failure { throw failure }
        return (bytes, ended)
    }
}

/// Reads a file descriptor with read(2), retrying when a signal interrupts the call.
struct DescriptorSource: ByteSource {
    let descriptor: Int32
    let path: String

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(DatasetIOError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        var count = 0
        repeat {
            count = Glibc.read(descriptor, base, buffer.count)
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            throw DatasetIOError(.notReadable, path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        return count
    }
}
