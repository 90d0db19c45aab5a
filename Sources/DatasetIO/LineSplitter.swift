#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a chunk into line content ranges (without CR LF or LF) using glibc's vectorized memchr.
public enum LineSplitter {
    /// True when a line holds nothing but spaces, tabs and a carriage return: no record.
    public static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        !line.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
    }

    public static func forEachLine(in bytes: [UInt8], _ body: (Range<Int>) -> Void) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            var start = 0
            while start < buffer.count {
                let newline = memchr(base + start, 0x0A, buffer.count - start)
                    .map { base.distance(to: UnsafeRawPointer($0)) } ?? buffer.count
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                body(start..<end)
                start = newline + 1
            }
        }
    }
}
