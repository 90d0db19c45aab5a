internal import CVectorscan

/// A failure of Vectorscan at run time (allocating or cloning a scratch, scanning), with its `hs_error_t`.
///
/// At run time only misuse and exhaustion can fail: out of memory, a scratch used by two callers at once, a
/// CPU without the instructions the library was built for, or an input longer than Vectorscan's 4 GiB limit.
public struct VectorscanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Vectorscan's error code (`HS_NOMEM` is -2, `HS_SCRATCH_IN_USE` -10, …).
    public let code: Int32
    /// The library call that failed, e.g. "hs_scan".
    public let operation: String

    init(code: hs_error_t, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// The scratch was already in use: the same scratch was handed to two concurrent scans.
    public var isScratchInUse: Bool { code == HS_SCRATCH_IN_USE }

    public var description: String {
        "\(operation) failed: \(Self.name(of: code)) (\(code))"
    }

    private static func name(of code: Int32) -> String {
        switch code {
        case HS_INVALID: "invalid parameter"
        case HS_NOMEM: "out of memory"
        case HS_DB_VERSION_ERROR, HS_DB_PLATFORM_ERROR, HS_DB_MODE_ERROR: "database unusable here"
        case HS_BAD_ALIGN, HS_BAD_ALLOC: "misaligned memory"
        case HS_SCRATCH_IN_USE: "scratch already in use"
        case HS_ARCH_ERROR: "unsupported CPU"
        case HS_INSUFFICIENT_SPACE: "insufficient space"
        default: "unknown error"
        }
    }
}
