#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writing to a standard stream: diagnostics can number in the millions, and one write(2) per line
/// would dominate the run.
struct StandardStream: TextOutputStream {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 16

    static func output() -> StandardStream { StandardStream(descriptor: STDOUT_FILENO) }
    static func error() -> StandardStream { StandardStream(descriptor: STDERR_FILENO) }

    /// Asked once: `isatty` is a system call, and a run asked it twice for each of a million diagnostics.
    let isTerminal: Bool

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        isTerminal = isatty(descriptor) == 1
        buffer.reserveCapacity(Self.flushThreshold * 2)
    }

    /// Raw bytes, as they are (records pass through a pipeline unchanged, valid UTF-8 or not).
    mutating func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    mutating func flush() {
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let written = writeBytes(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }  // EPIPE: the reader went away; nothing more to say.
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// write(2), named apart from `TextOutputStream.write`.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

enum Terminal {
    /// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
    static func wantsColor(descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && getenv("NO_COLOR") == nil
    }
}
