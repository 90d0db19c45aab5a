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

    enum WriteOutcome: Equatable {
        case written
        /// The other side is gone.
        case closed
        /// The other side stopped reading and `deadline` passed (the output is non-blocking on the host's side).
        case timedOut
    }

    /// Writes every byte.
    func write(_ bytes: [UInt8], deadline: Double? = nil) -> WriteOutcome {
        bytes.withUnsafeBytes { write(parts: [$0], deadline: deadline) }
    }

    /// Runs `body` with SIGPIPE blocked on this thread, and takes a SIGPIPE it raised before unblocking: a worker that
    /// died makes the write fail with EPIPE (reported as its crash) instead of killing datalint. Only this thread's
    /// mask changes, so `datalint check | head` still ends quietly when `head` does.
    static func withoutBrokenPipeSignal<Result>(_ body: () -> Result) -> Result {
        var pipeSignal = sigset_t(), previous = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        let result = body()
        var pending = sigset_t()
        sigpending(&pending)
        if sigismember(&pending, SIGPIPE) == 1, sigismember(&previous, SIGPIPE) == 0 {
            var immediately = timespec()
            _ = sigtimedwait(&pipeSignal, nil, &immediately)
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        return result
    }

    enum ReadOutcome {
        case frame(FrameKind, [UInt8])
        case closed
        case timedOut
        case malformed(String)
    }

    /// Bytes read but not yet returned start at `start` in `buffer`.
    private var start = 0

    /// The next frame; `deadline` (a `CLOCK_MONOTONIC` time in seconds) bounds the wait when given.
    mutating func read(deadline: Double? = nil) -> ReadOutcome {
        while true {
            if buffer.count - start >= 5 {
                let header = start
                let length = Int(UInt32(buffer[header + 1]) | UInt32(buffer[header + 2]) << 8
                                 | UInt32(buffer[header + 3]) << 16 | UInt32(buffer[header + 4]) << 24)
                guard let kind = FrameKind(rawValue: buffer[header]) else { return .malformed("unknown frame kind \(buffer[header])") }
                guard length <= 1 << 30 else { return .malformed("a frame of \(length) bytes") }
                if buffer.count - header < 5 + length && length >= 1 << 16 {
                    return readLargePayload(kind: kind, length: length, header: header, deadline: deadline)
                }
                if buffer.count - header >= 5 + length {
                    let payload = Array(buffer[(header + 5)..<(header + 5 + length)])
                    start = header + 5 + length
                    if start == buffer.count {
                        buffer.removeAll(keepingCapacity: true)
                        start = 0
                    }
                    return .frame(kind, payload)
                }
                buffer.reserveCapacity(header + 5 + length)
            }
            guard waitUntilReadable(deadline) else { return .timedOut }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let count = appendRead()
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return .closed }
        }
    }

    /// A large frame's payload, read straight into its own array (a batch of records is megabytes: copying it
    /// through `buffer` twice costs as much as the pipe).
    private mutating func readLargePayload(kind: FrameKind, length: Int, header: Int, deadline: Double?) -> ReadOutcome {
        let buffered = buffer.count - header - 5
        var payload = [UInt8](repeating: 0, count: length)
        payload.withUnsafeMutableBytes { target in
            buffer.withUnsafeBytes { source in
                target.baseAddress!.copyMemory(from: source.baseAddress! + header + 5, byteCount: buffered)
            }
        }
        buffer.removeAll(keepingCapacity: true)
        start = 0
        var filled = buffered
        while filled < length {
            guard waitUntilReadable(deadline) else { return .timedOut }
            let count = payload.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress! + filled, length - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return .closed }
            filled += count
        }
        return .frame(kind, payload)
    }

    /// Writes a frame given in parts (`writev`), so that records go from where they lie into the pipe without
    /// being gathered first.
    func write(parts: [UnsafeRawBufferPointer], deadline: Double? = nil) -> WriteOutcome {
        Self.withoutBrokenPipeSignal { writeVectors(parts, deadline: deadline) }
    }

    private func writeVectors(_ parts: [UnsafeRawBufferPointer], deadline: Double?) -> WriteOutcome {
        var vectors = parts.filter { $0.count > 0 }.map { iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count) }
        var first = 0
        while first < vectors.count {
            let count = min(vectors.count - first, 1024)
            let written = vectors.withUnsafeMutableBufferPointer { writev(output, $0.baseAddress! + first, Int32(count)) }
            if written < 0 && errno == EINTR { continue }
            if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                guard waitUntilWritable(deadline) else { return .timedOut }
                continue
            }
            guard written > 0 else { return .closed }
            var left = written
            while left > 0 && first < vectors.count {
                if left >= vectors[first].iov_len {
                    left -= vectors[first].iov_len
                    first += 1
                } else {
                    vectors[first].iov_base += left
                    vectors[first].iov_len -= left
                    left = 0
                }
            }
        }
        return .written
    }

    /// Waits until the pipe has room; false when `deadline` passed first.
    private func waitUntilWritable(_ deadline: Double?) -> Bool {
        while true {
            let remaining = deadline.map { $0 - Self.now() } ?? 1
            guard remaining > 0 else { return false }
            var poller = pollfd(fd: output, events: Int16(POLLOUT), revents: 0)
            let ready = poll(&poller, 1, deadline == nil ? -1 : Int32(min(remaining * 1000, Double(Int32.max)).rounded(.up)))
            if ready < 0 && errno == EINTR { continue }
            return ready > 0
        }
    }

    /// Waits until the input has bytes (or is closed); false when `deadline` passed first. No deadline: at once.
    private func waitUntilReadable(_ deadline: Double?) -> Bool {
        guard let deadline else { return true }
        while true {
            let remaining = deadline - Self.now()
            guard remaining > 0 else { return false }
            var poller = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining * 1000, Double(Int32.max)).rounded(.up)))
            if ready < 0 && errno == EINTR { continue }
            return ready > 0
        }
    }

    /// Reads what is available (up to 1 MiB) onto the end of `buffer`.
    private mutating func appendRead() -> Int {
        if scratch.isEmpty { scratch = [UInt8](repeating: 0, count: 1 << 20) }
        let count = scratch.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
        if count > 0 { buffer.append(contentsOf: scratch[..<count]) }
        return count
    }

    /// Where reads land, made once.
    private var scratch: [UInt8] = []

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
