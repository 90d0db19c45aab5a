import DatalintStageABI
import Synchronization

/// One instance of a plugin's stage in this process, with the host services it calls back.
///
/// Not thread-safe: callers serialize calls (or, for stages that declare DATALINT_STAGE_THREAD_SAFE, may call
/// `process` concurrently — events are then collected per call by the collector lock).
final class InProcessInstance {
    let library: PluginLibrary
    private let collector = EventCollector()
    private let host: UnsafeMutablePointer<datalint_host>
    private var instance: OpaquePointer?

    /// Creates the plugin's instance with `configuration` (a JSON object's text).
    init(_ library: PluginLibrary, configuration: String) throws(PluginFailureError) {
        self.library = library
        host = UnsafeMutablePointer<datalint_host>.allocate(capacity: 1)
        host.initialize(to: Self.hostTable(context: Unmanaged.passUnretained(collector).toOpaque()))
        collector.begin()
        var created: OpaquePointer?
        var configuration = configuration
        let status = configuration.withUTF8 { text in
            text.withMemoryRebound(to: CChar.self) { text in
                library.raw.pointee.create(text.baseAddress, text.count, host, &created)
            }
        }
        let result = collector.end()
        guard status == DATALINT_OK, let created else {
            // `deinit` runs for this half-made instance too, and frees the host table (there is no plugin instance).
            throw PluginFailureError(failure: result.failure ?? .failed("create returned \(status) without a message"), events: result.events)
        }
        instance = created
    }

    deinit {
        if let instance { library.raw.pointee.destroy(instance) }
        host.deinitialize(count: 1)
        host.deallocate()
    }

    /// Passes `records` (file order) and returns what the plugin said.
    func process(_ records: UnsafeBufferPointer<datalint_record>) -> PluginCallResult {
        collector.begin()
        let status = library.raw.pointee.process(instance, records.baseAddress, records.count)
        return collector.end(status: status, call: "process")
    }

    /// Tells the instance the dataset ended; returns what it reported.
    func finish() -> PluginCallResult {
        guard let finish = library.raw.pointee.finish else { return PluginCallResult() }
        collector.begin()
        let status = finish(instance)
        return collector.end(status: status, call: "finish")
    }

    private static func hostTable(context: UnsafeMutableRawPointer) -> datalint_host {
        var table = datalint_host()
        table.struct_size = UInt32(MemoryLayout<datalint_host>.size)
        table.abi_major = PluginABI.major
        table.abi_minor = PluginABI.minor
        table.context = context
        table.log = { context, level, message in
            EventCollector.from(context).add(.log(level: Int(level), message: message.map { String(cString: $0) } ?? ""))
        }
        table.emit_diagnostic = { context, diagnostic in
            guard let diagnostic else {
                EventCollector.from(context).add(.refused(line: nil, reason: "emitted a NULL diagnostic"))
                return DATALINT_FAILED
            }
            guard let read = PluginDiagnostic(reading: diagnostic) else {
                EventCollector.from(context).add(.refused(line: Int(clamping: diagnostic.pointee.line),
                                                          reason: "emitted a diagnostic whose code or message is NULL"))
                return DATALINT_FAILED
            }
            EventCollector.from(context).add(.diagnostic(read))
            return DATALINT_OK
        }
        table.emit_record = { context, line, json, length in
            guard let json else { return DATALINT_FAILED }
            let bytes = Array(UnsafeRawBufferPointer(start: json, count: length))
            EventCollector.from(context).add(.record(line: Int(clamping: line), json: bytes))
            return DATALINT_OK
        }
        table.drop_record = { context, line, reason in
            EventCollector.from(context).add(.drop(line: Int(clamping: line), reason: reason.map { String(cString: $0) } ?? ""))
            return DATALINT_OK
        }
        table.fail = { context, message in
            EventCollector.from(context).fail(message.map { String(cString: $0) } ?? "")
        }
        return table
    }
}

/// A failure while creating an instance, with what the plugin logged meanwhile.
struct PluginFailureError: Error {
    let failure: PluginFailure
    let events: [PluginEvent]
}

/// Where host services put what a plugin says during a call. The ABI lets a plugin call the services from threads
/// of its own, concurrently, so the state is behind a lock; what arrives outside a call (a plugin thread still
/// talking after `process` returned) is dropped, never mixed into the next call's events.
private final class EventCollector: Sendable {
    private struct State {
        var events: [PluginEvent] = []
        var failure: String?
        var isCollecting = false
    }

    private let state = Mutex(State())

    static func from(_ context: UnsafeMutableRawPointer?) -> EventCollector {
        Unmanaged<EventCollector>.fromOpaque(context!).takeUnretainedValue()
    }

    func begin() {
        state.withLock { $0 = State(isCollecting: true) }
    }

    func add(_ event: PluginEvent) {
        state.withLock { if $0.isCollecting { $0.events.append(event) } }
    }

    func fail(_ message: String) {
        state.withLock { if $0.isCollecting { $0.failure = message } }
    }

    func end() -> PluginCallResult {
        state.withLock { state in
            defer { state = State() }
            return PluginCallResult(events: state.events, failure: state.failure.map { .failed($0) })
        }
    }

    func end(status: Int32, call: String) -> PluginCallResult {
        var result = end()
        if status != DATALINT_OK, result.failure == nil { result.failure = .failed("\(call) returned \(status) without a message") }
        return result
    }
}

extension PluginDiagnostic {
    /// Reads a plugin's diagnostic, only as far as its `struct_size` says it goes; nil when a required field is NULL.
    init?(reading pointer: UnsafePointer<datalint_diagnostic>) {
        var diagnostic = datalint_diagnostic()
        let size = min(Int(pointer.pointee.struct_size), MemoryLayout<datalint_diagnostic>.size)
        withUnsafeMutableBytes(of: &diagnostic) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(start: UnsafeRawPointer(pointer), count: size))
        }
        guard let code = diagnostic.code, let message = diagnostic.message else { return nil }
        let place: Place = diagnostic.json_pointer.map { .pointer(String(cString: $0)) }
            ?? .bytes(Int(diagnostic.byte_start), Int(diagnostic.byte_end))
        let replacement = diagnostic.replacement.map {
            Array(UnsafeRawBufferPointer(start: $0, count: diagnostic.replacement_length))
        }
        self.init(line: Int(clamping: diagnostic.line), code: String(cString: code), severity: Int(diagnostic.severity),
                  message: String(cString: message), place: place, replacement: replacement)
    }
}
