/// What a stage plugin said through the host services during one call.
public enum PluginEvent: Sendable, Equatable {
    case diagnostic(PluginDiagnostic)
    /// A transform's rewritten record (raw bytes, validated by whoever uses it).
    case record(line: Int, json: [UInt8])
    case drop(line: Int, reason: String)
    case log(level: Int, message: String)
    /// Something the plugin handed over that the host refused at once (a NULL code or message), with the record's
    /// line when the plugin gave one.
    case refused(line: Int?, reason: String)
}

/// A diagnostic as the plugin gave it, before its place is resolved in the record.
public struct PluginDiagnostic: Sendable, Equatable {
    public enum Place: Sendable, Equatable {
        case pointer(String)
        /// [start, end) in the record's bytes; (-1, -1) is the whole record.
        case bytes(Int, Int)
    }

    public let line: Int
    public let code: String
    /// 1 error … 4 hint, as `datalint_severity`; anything else is refused when the diagnostic is resolved.
    public let severity: Int
    public let message: String
    public let place: Place
    public let replacement: [UInt8]?

    public init(line: Int, code: String, severity: Int, message: String, place: Place, replacement: [UInt8]?) {
        self.line = line
        self.code = code
        self.severity = severity
        self.message = message
        self.place = place
        self.replacement = replacement
    }
}

/// The result of one call into a plugin.
public struct PluginCallResult: Sendable, Equatable {
    public var events: [PluginEvent] = []
    /// Set when the call failed: the plugin's own message (from `fail`), or what went wrong around it.
    public var failure: PluginFailure?

    public init(events: [PluginEvent] = [], failure: PluginFailure? = nil) {
        self.events = events
        self.failure = failure
    }
}

/// Why a call into a plugin did not succeed.
public enum PluginFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The plugin returned DATALINT_FAILED, with its message.
    case failed(String)
    /// The isolated plugin's process died (signal or exit status described).
    case crashed(String)
    /// The isolated plugin did not answer within the time limit.
    case timedOut(seconds: Double)
    /// The plugin has failed too often and is no longer called.
    case quarantined
    /// Talking to the plugin's process failed (a broken pipe, a malformed frame).
    case protocolError(String)

    public var description: String {
        switch self {
        case .failed(let message): "failed: \(message)"
        case .crashed(let how): "crashed (\(how))"
        case .timedOut(let seconds): "did not answer within \(seconds.formatted()) s"
        case .quarantined: "is quarantined after repeated failures"
        case .protocolError(let message): "broke the worker protocol: \(message)"
        }
    }
}

extension Double {
    fileprivate func formatted() -> String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
