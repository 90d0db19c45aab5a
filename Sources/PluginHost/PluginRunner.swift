import DatalintStageABI
import Synchronization

/// How a plugin's stage runs: in this process, or in a worker process of its own.
public enum PluginIsolation: String, Sendable, CaseIterable {
    /// dlopen'ed here: fastest, but a crash or hang of the plugin is datalint's. For trusted plugins.
    case none
    /// In a child `datalint plugin-worker` over pipes: crashes, hangs and memory exhaustion are contained.
    case process
}

/// What one batch (or `finish`) gave: the plugin's events, and every failure on the way with the record it was
/// handling when known.
public struct BatchOutcome: Sendable {
    public var events: [PluginEvent] = []
    public var failures: [Failure] = []

    public struct Failure: Sendable, Equatable {
        /// The record being handled, when the failure is pinned to one (nil: the batch, or `finish`).
        public let line: Int?
        public let failure: PluginFailure
        /// Restarts left before the plugin is quarantined (isolated plugins).
        public let restartsLeft: Int
    }

    public init() {}

    init(_ result: PluginCallResult, lines: [Int]) {
        events = result.events
        if let failure = result.failure {
            failures = [Failure(line: lines.count == 1 ? lines[0] : nil, failure: failure, restartsLeft: 0)]
        }
    }

    mutating func merge(_ other: BatchOutcome) {
        events += other.events
        failures += other.failures
    }
}

/// A loaded plugin stage, ready to process batches from any thread (calls into one instance are serialized unless
/// the plugin declares itself thread-safe… and even then, for simplicity, here).
public final class PluginRunner: Sendable {
    public let descriptor: PluginDescriptor
    public let isolation: PluginIsolation
    private let state: Mutex<Backend>

    /// Only used under `state`'s lock, which is what makes sharing the instance or session between threads safe.
    private enum Backend: @unchecked Sendable {
        case inProcess(InProcessInstance)
        case isolated(IsolatedSession)
    }

    /// Loads the plugin at `path` and creates its instance with `configuration` (a JSON object's text). Isolated
    /// plugins run in `workerCommand` (the datalint binary and `plugin-worker`), bounded by `limits`.
    public init(path: String, configuration: String = "{}", isolation: PluginIsolation,
                workerCommand: [String] = [], limits: IsolationLimits = IsolationLimits()) throws(PluginStartError) {
        self.isolation = isolation
        switch isolation {
        case .none:
            let library: PluginLibrary
            do {
                library = try PluginLibrary.load(path)
            } catch {
                throw .load(error)
            }
            do {
                let instance = try InProcessInstance(library, configuration: configuration)
                descriptor = library.descriptor
                state = Mutex(.inProcess(instance))
            } catch {
                throw .create(name: library.descriptor.name, path: path, failure: error.failure)
            }
        case .process:
            let session = IsolatedSession(path: path, configuration: configuration, command: workerCommand, limits: limits)
            do {
                descriptor = try session.start()
            } catch {
                if let refusal = error.loadError { throw .refused(path: path, message: refusal) }
                throw .create(name: session.descriptor?.name ?? path, path: path, failure: error.failure)
            }
            state = Mutex(.isolated(session))
        }
    }

    /// Processes records (file order; their bytes borrowed for the call).
    public func process(_ records: [(line: Int, bytes: UnsafeRawBufferPointer)]) -> BatchOutcome {
        state.withLock { backend in
            switch backend {
            case .inProcess(let instance):
                let raw = records.map { record in
                    datalint_record(json: record.bytes.baseAddress?.assumingMemoryBound(to: CChar.self), length: record.bytes.count,
                                    line: UInt64(record.line))
                }
                return raw.withUnsafeBufferPointer { BatchOutcome(instance.process($0), lines: records.map(\.line)) }
            case .isolated(let session):
                return session.process(records)
            }
        }
    }

    /// The dataset ended.
    public func finish() -> BatchOutcome {
        state.withLock { backend in
            switch backend {
            case .inProcess(let instance): BatchOutcome(instance.finish(), lines: [])
            case .isolated(let session): session.finish()
            }
        }
    }

    /// The resident memory of an isolated plugin's worker process (nil in process, or with no worker running).
    public var workerResidentBytes: Int? {
        state.withLock { backend in
            if case .isolated(let session) = backend { return session.workerResidentBytes }
            return nil
        }
    }

    /// True once an isolated plugin failed too often to be called again.
    public var isQuarantined: Bool {
        state.withLock { backend in
            if case .isolated(let session) = backend { return session.isQuarantined }
            return false
        }
    }
}

/// Why a plugin stage could not start.
public enum PluginStartError: Error, CustomStringConvertible {
    case load(PluginLoadError)
    /// The worker process could not load it (the loader's message).
    case refused(path: String, message: String)
    case create(name: String, path: String, failure: PluginFailure)

    public var description: String {
        switch self {
        case .load(let error): error.description
        case .refused(_, let message): message
        case .create(let name, let path, let failure): "plugin \(name) (\(path)) could not start: it \(failure)"
        }
    }
}
