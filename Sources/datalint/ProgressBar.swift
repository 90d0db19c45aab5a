#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on standard error, for runs long enough to wonder about. It is drawn only on a
/// terminal, at most ten times a second, and erased before anything else is written to the same terminal.
final class ProgressBar {
    private let isEnabled: Bool
    private var lastDraw: Double = 0
    private(set) var isShowing = false
    private let startTime: Double
    private static let delayBeforeFirstDraw = 0.3
    private static let interval = 0.1

    init(isEnabled: Bool) {
        self.isEnabled = isEnabled
        startTime = Self.now()
    }

    /// Shows how far `file` has been read: a bar when its size is known, bytes and speed otherwise.
    func update(file: String, bytesRead: Int, totalBytes: Int?) {
        guard isEnabled else { return }
        let now = Self.now()
        guard now - startTime >= Self.delayBeforeFirstDraw, now - lastDraw >= Self.interval else { return }
        lastDraw = now
        let speed = Double(bytesRead) / max(now - startTime, 0.001) / 1_048_576
        var line = ""
        if let totalBytes, totalBytes > 0 {
            let fraction = min(1, Double(bytesRead) / Double(totalBytes))
            let width = 30
            let filled = Int(fraction * Double(width))
            line = "[" + String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled) + "] "
                + "\(Int(fraction * 100))% "
        }
        line += "\(bytesRead / 1_048_576) MiB, \(Int(speed)) MiB/s  \(file)"
        Self.writeError("\r\u{1B}[K" + line)
        isShowing = true
    }

    /// Erases the bar, so the next line written to the terminal starts clean.
    func clear() {
        guard isShowing else { return }
        Self.writeError("\r\u{1B}[K")
        isShowing = false
    }

    private static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
