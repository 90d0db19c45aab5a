import DatalintStageABI
import Foundation
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

/// A loaded plugin stage, ready to process batches from any thread. In process, calls into the one instance are
/// serialized. Isolated, a plugin may have several workers (one per job of a parallel check), each called by one
/// batch at a time, so that chunks checked in parallel are not queued behind one pipe; a plugin that needs the
/// whole dataset, or sees batches in file order, has one.
public final class PluginRunner: Sendable {
    public let descriptor: PluginDescriptor
    public let isolation: PluginIsolation
    private let backend: Backend
    private let nextWorker = Atomic<Int>(0)
    /// Held by a caller for a run of calls that must not interleave with another caller's: a dataset's records, then
    /// `finish`, for a plugin that needs the whole dataset while several documents share it.
    public let datasetRun = Mutex(())

    private enum Backend: Sendable {
        case inProcess(Locked<InProcessInstance>)
        case isolated([Locked<IsolatedSession>])
    }

    /// Loads the plugin at `path` and creates its instance with `configuration` (a JSON object's text). Isolated
    /// plugins run in `workerCommand` (the datalint binary and `plugin-worker`), bounded by `limits`, in up to
    /// `workers` processes (they start on first use).
    public init(path: String, configuration: String = "{}", isolation: PluginIsolation,
                workerCommand: [String] = [], limits: IsolationLimits = IsolationLimits(), workers: Int = 1) throws(PluginStartError) {
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
                backend = .inProcess(Locked(instance))
            } catch {
                throw .create(name: library.descriptor.name, path: path, failure: error.failure)
            }
        case .process:
            let budget = FailureBudget()
            let first = IsolatedSession(path: path, configuration: configuration, command: workerCommand, limits: limits, budget: budget)
            do {
                descriptor = try first.start()
            } catch {
                if let refusal = error.loadError { throw .refused(path: path, message: refusal) }
                throw .create(name: first.descriptor?.name ?? path, path: path, failure: error.failure)
            }
            let count = descriptor.capabilities.contains(.needsWholeDataset) ? 1 : max(1, workers)
            let others = (1..<count).map { _ in
                Locked(IsolatedSession(path: path, configuration: configuration, command: workerCommand, limits: limits, budget: budget))
            }
            backend = .isolated([Locked(first)] + others)
        }
    }

    /// Processes records (file order; their bytes borrowed for the call).
    public func process(_ records: [(line: Int, bytes: UnsafeRawBufferPointer)]) -> BatchOutcome {
        switch backend {
        case .inProcess(let instance):
            let raw = records.map { record in
                datalint_record(json: record.bytes.baseAddress?.assumingMemoryBound(to: CChar.self), length: record.bytes.count,
                                line: UInt64(record.line))
            }
            return instance.with { instance in raw.withUnsafeBufferPointer { BatchOutcome(instance.process($0), lines: records.map(\.line)) } }
        case .isolated(let sessions):
            let index = nextWorker.wrappingAdd(1, ordering: .relaxed).oldValue % sessions.count
            return sessions[index].with { $0.process(records) }
        }
    }

    /// The dataset ended: every worker is told.
    public func finish() -> BatchOutcome {
        switch backend {
        case .inProcess(let instance):
            return instance.with { BatchOutcome($0.finish(), lines: []) }
        case .isolated(let sessions):
            var outcome = BatchOutcome()
            for session in sessions { outcome.merge(session.with { $0.finish() }) }
            return outcome
        }
    }

    /// The resident memory of an isolated plugin's first worker (nil in process, or with no worker running).
    public var workerResidentBytes: Int? {
        if case .isolated(let sessions) = backend { return sessions[0].with { $0.workerResidentBytes } }
        return nil
    }

    /// True once an isolated plugin failed too often to be called again.
    public var isQuarantined: Bool {
        if case .isolated(let sessions) = backend { return sessions[0].with { $0.isQuarantined } }
        return false
    }
}

/// A value used by one thread at a time. (The instance or session is not Sendable; the lock is what makes sharing
/// it between the chunk tasks of a check safe.)
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private let value: Value

    init(_ value: Value) {
        self.value = value
    }

    func with<Result>(_ body: (Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(value)
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
