#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Both ends of a connection's byte stream: a descriptor read in blocking calls, one written whole messages to.
public struct ByteChannel: Sendable {
    public let input: Int32
    public let output: Int32

    public init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    /// Standard input and output. A client that goes away must not kill the server with SIGPIPE mid-write.
    public static func standardStreams() -> ByteChannel {
        signal(SIGPIPE, SIG_IGN)
        return ByteChannel(input: STDIN_FILENO, output: STDOUT_FILENO)
    }

    /// Reads what is available into `buffer` (which keeps its capacity between calls, so a 200 MB message
    /// arriving in 64 KiB pipe reads costs no allocation per read); empty at the end of the stream or on an error.
    func read(into buffer: inout [UInt8], maximum: Int) -> ArraySlice<UInt8> {
        if buffer.count < maximum { buffer = [UInt8](repeating: 0, count: maximum) }
        var count = 0
        repeat {
            count = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, maximum) }
        } while count < 0 && errno == EINTR
        return count > 0 ? buffer[..<count] : []
    }

    /// Fills `bytes[start...]` from the input; false when the stream ends first.
    func readExactly(into bytes: inout [UInt8], from start: Int) -> Bool {
        var filled = start
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            filled += count
        }
        return true
    }

    /// Writes every byte, retrying short writes; false when the peer has gone.
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        return bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = Glibc.write(output, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }
}
