#if canImport(Glibc)
import Glibc
#endif

/// Frames over a pair of file descriptors: writes whole frames, reads whole frames, optionally by a deadline.
struct FrameChannel {
    let input: Int32
    let output: Int32
    private var buffer: [UInt8] = []

    init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    /// Writes every byte; false when the other side is gone.
    func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(output, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }

    enum ReadOutcome {
        case frame(FrameKind, [UInt8])
        case closed
        case timedOut
        case malformed(String)
    }

    /// The next frame; `deadline` (a `CLOCK_MONOTONIC` time in seconds) bounds the wait when given.
    mutating func read(deadline: Double? = nil) -> ReadOutcome {
        while true {
            if buffer.count >= 5 {
                let length = Int(UInt32(buffer[1]) | UInt32(buffer[2]) << 8 | UInt32(buffer[3]) << 16 | UInt32(buffer[4]) << 24)
                guard let kind = FrameKind(rawValue: buffer[0]) else { return .malformed("unknown frame kind \(buffer[0])") }
                guard length <= 1 << 30 else { return .malformed("a frame of \(length) bytes") }
                if buffer.count >= 5 + length {
                    let payload = Array(buffer[5..<(5 + length)])
                    buffer.removeFirst(5 + length)
                    return .frame(kind, payload)
                }
            }
            if let deadline {
                let remaining = deadline - Self.now()
                guard remaining > 0 else { return .timedOut }
                var poller = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, Int32(min(remaining * 1000, Double(Int32.max)).rounded(.up)))
                if ready < 0 && errno == EINTR { continue }
                if ready == 0 { return .timedOut }
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return .closed }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
