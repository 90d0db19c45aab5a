import Foundation
import Synchronization

/// The host side of one isolated plugin: its worker process, started on demand, and what happened to it so far.
///
/// A batch whose call crashes or hangs the worker is replayed one record at a time in a new worker, so that the
/// record the plugin fails on is named and the others are still checked. Each crash or timeout counts; after
/// `limits.restarts` of them the plugin is quarantined: no longer called for the rest of the run.
final class IsolatedSession {
    let path: String
    let configuration: String
    let command: [String]
    let limits: IsolationLimits
    private(set) var descriptor: PluginDescriptor?
    private var worker: WorkerProcess?
    /// Shared by every worker of the plugin: crashes count against the plugin, not against one worker.
    let budget: FailureBudget
    var isQuarantined: Bool { budget.isQuarantined }

    init(path: String, configuration: String, command: [String], limits: IsolationLimits, budget: FailureBudget = FailureBudget()) {
        self.budget = budget
        self.path = path
        self.configuration = configuration
        self.command = command
        self.limits = limits
    }

    /// Starts a worker, reads the plugin's descriptor and creates its instance.
    func start() throws(PluginSessionError) -> PluginDescriptor { try startWorker() }

    /// Starts a worker only to read the plugin's descriptor, then stops it.
    func describe() throws(PluginSessionError) -> PluginDescriptor {
        let process = try launch()
        defer { process.stop() }
        return try hello(from: process)
    }

    /// Processes `records`; crashes and hangs are contained, counted and attributed to records.
    func process(_ records: [(line: Int, bytes: UnsafeRawBufferPointer)]) -> BatchOutcome {
        guard !isQuarantined else { return BatchOutcome() }
        switch call(records) {
        case .success(let result):
            return BatchOutcome(result, lines: records.map(\.line))
        case .failure(let failure):
            var outcome = BatchOutcome()
            guard records.count > 1 else {
                count(failure, line: records[0].line, into: &outcome)
                return outcome
            }
            // Which record? Each alone, in a new worker; the failures found that way are the batch's.
            for record in records where !isQuarantined {
                switch call([record]) {
                case .success(let result): outcome.merge(BatchOutcome(result, lines: [record.line]))
                case .failure(let failure): count(failure, line: record.line, into: &outcome)
                }
            }
            if outcome.failures.isEmpty { count(failure, line: nil, into: &outcome) }
            return outcome
        }
    }

    /// Tells the plugin the dataset ended.
    func finish() -> BatchOutcome {
        guard !isQuarantined else { return BatchOutcome() }
        var writer = FrameWriter(.finish)
        writer.integer(UInt8(0))
        switch call(writer.frame) {
        case .success(let result): return BatchOutcome(result, lines: [])
        case .failure(let failure):
            var outcome = BatchOutcome()
            count(failure, line: nil, into: &outcome)
            return outcome
        }
    }

    /// VmRSS of the worker, from /proc.
    var workerResidentBytes: Int? {
        guard let worker, let status = try? String(contentsOfFile: "/proc/\(worker.pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes * 1024
    }

    private func count(_ failure: PluginFailure, line: Int?, into outcome: inout BatchOutcome) {
        let (restartsLeft, quarantinedNow) = budget.spend(limit: limits.restarts)
        outcome.failures.append(.init(line: line, failure: failure, restartsLeft: restartsLeft))
        if quarantinedNow { outcome.failures.append(.init(line: line, failure: .quarantined, restartsLeft: 0)) }
    }

    /// A `P` call: the records' frame written from where the records lie.
    private func call(_ records: [(line: Int, bytes: UnsafeRawBufferPointer)]) -> Result<PluginCallResult, PluginFailure> {
        // A frame holds at most 1 GiB (the worker refuses more): a record that large cannot go to an isolated plugin.
        if let huge = records.first(where: { $0.bytes.count > (1 << 30) - 64 }) {
            return .success(PluginCallResult(failure: .failed("the record of line \(huge.line + 1) (\(huge.bytes.count) bytes) is too large for an isolated plugin")))
        }
        if records.reduce(0, { $0 + 12 + $1.bytes.count }) > (1 << 30) - 64, records.count > 1 {
            var outcome = PluginCallResult()
            for record in records {
                switch call([record]) {
                case .success(let result):
                    outcome.events += result.events
                    if outcome.failure == nil { outcome.failure = result.failure }
                case .failure(let failure): return .failure(failure)
                }
            }
            return .success(outcome)
        }
        var headers = [UInt8](repeating: 0, count: 9 + 12 * records.count)
        let total = 4 + records.reduce(0) { $0 + 12 + $1.bytes.count }
        headers.withUnsafeMutableBytes { raw in
            raw[0] = FrameKind.process.rawValue
            raw.storeBytes(of: UInt32(total).littleEndian, toByteOffset: 1, as: UInt32.self)
            raw.storeBytes(of: UInt32(records.count).littleEndian, toByteOffset: 5, as: UInt32.self)
            for (index, record) in records.enumerated() {
                raw.storeBytes(of: UInt64(record.line).littleEndian, toByteOffset: 9 + 12 * index, as: UInt64.self)
                raw.storeBytes(of: UInt32(record.bytes.count).littleEndian, toByteOffset: 17 + 12 * index, as: UInt32.self)
            }
        }
        return headers.withUnsafeBytes { header in
            var parts = [UnsafeRawBufferPointer(rebasing: header[0..<9])]
            parts.reserveCapacity(1 + 2 * records.count)
            for (index, record) in records.enumerated() {
                parts.append(UnsafeRawBufferPointer(rebasing: header[(9 + 12 * index)..<(21 + 12 * index)]))
                parts.append(record.bytes)
            }
            return call { $0.write(parts: parts, deadline: $1) }
        }
    }

    private func call(_ frame: [UInt8]) -> Result<PluginCallResult, PluginFailure> { call { $0.write(frame, deadline: $1) } }

    /// One call: the frame out (by `send`), events back until `E`. A dead, silent or garbled worker is stopped and
    /// forgotten.
    private func call(_ send: (FrameChannel, Double) -> FrameChannel.WriteOutcome) -> Result<PluginCallResult, PluginFailure> {
        do {
            if worker == nil { _ = try startWorker() }
        } catch {
            return .failure(error.failure)
        }
        guard let worker else { return .failure(.protocolError("no worker")) }
        let deadline = FrameChannel.now() + limits.timeout
        switch send(worker.channel, deadline) {
        case .written: break
        case .closed: return .failure(end(worker))
        case .timedOut: return .failure(stop(worker, .timedOut(seconds: limits.timeout)))
        }
        var result = PluginCallResult()
        while true {
            switch worker.channel.read(deadline: deadline) {
            case .frame(.end, let payload):
                var reader = FrameReader(payload)
                if (try? reader.integer(UInt8.self)) == 1 { result.failure = .failed((try? reader.string()) ?? "") }
                return .success(result)
            case .frame(let kind, let payload):
                do {
                    result.events.append(try PluginEvent(kind: kind, payload: payload))
                } catch {
                    return .failure(stop(worker, .protocolError(error.description)))
                }
            case .closed:
                return .failure(end(worker))
            case .timedOut:
                return .failure(stop(worker, .timedOut(seconds: limits.timeout)))
            case .malformed(let reason):
                return .failure(stop(worker, .protocolError(reason)))
            }
        }
    }

    private func end(_ worker: WorkerProcess) -> PluginFailure {
        let ending = worker.ending(grace: 1)
        self.worker = nil
        return .crashed(ending)
    }

    private func stop(_ worker: WorkerProcess, _ failure: PluginFailure) -> PluginFailure {
        worker.stop()
        self.worker = nil
        return failure
    }

    private func launch() throws(PluginSessionError) -> WorkerProcess {
        do {
            return try WorkerProcess(command: command + ["--memory-limit", String(limits.memoryBytes), path])
        } catch {
            throw PluginSessionError(failure: error, loadError: nil)
        }
    }

    /// Reads the worker's first frame: the plugin's descriptor, or why it could not be loaded.
    private func hello(from process: WorkerProcess) throws(PluginSessionError) -> PluginDescriptor {
        var channel = process.channel
        defer { process.channel = channel }
        switch channel.read(deadline: FrameChannel.now() + limits.timeout) {
        case .frame(.hello, let payload):
            guard let descriptor = try? PluginDescriptor(hello: payload, path: path) else {
                process.stop()
                throw PluginSessionError(failure: .protocolError("malformed descriptor frame"), loadError: nil)
            }
            self.descriptor = descriptor
            return descriptor
        case .frame(.loadError, let payload):
            var reader = FrameReader(payload)
            process.stop()
            let message = (try? reader.string()) ?? "cannot load the plugin"
            throw PluginSessionError(failure: .failed(message), loadError: message)
        case .closed:
            throw PluginSessionError(failure: .crashed(process.ending(grace: 1)), loadError: nil)
        case .timedOut:
            process.stop()
            throw PluginSessionError(failure: .timedOut(seconds: limits.timeout), loadError: nil)
        default:
            process.stop()
            throw PluginSessionError(failure: .protocolError("the worker did not start with its descriptor"), loadError: nil)
        }
    }

    private func startWorker() throws(PluginSessionError) -> PluginDescriptor {
        let process = try launch()
        let descriptor = try hello(from: process)
        worker = process
        switch call(FrameWriter.configuration(configuration)) {
        case .success(let result):
            if let failure = result.failure {
                process.stop()
                worker = nil
                throw PluginSessionError(failure: failure, loadError: nil, events: result.events)
            }
        case .failure(let failure):
            throw PluginSessionError(failure: failure, loadError: nil)
        }
        return descriptor
    }
}

/// A plugin's worker could not be started or its instance not created.
struct PluginSessionError: Error {
    let failure: PluginFailure
    /// The loader's refusal, when the worker could not load the plugin at all.
    let loadError: String?
    var events: [PluginEvent] = []
}

extension FrameWriter {
    static func configuration(_ text: String) -> [UInt8] {
        var writer = FrameWriter(.configure)
        writer.raw(Array(text.utf8))
        return writer.frame
    }
}

/// How an isolated plugin is bounded.
public struct IsolationLimits: Sendable, Hashable {
    /// Seconds a call may take before the worker is killed.
    public var timeout: Double = 30
    /// The worker's address-space limit.
    public var memoryBytes: Int = 2 << 30
    /// Crashes and timeouts tolerated before the plugin is quarantined.
    public var restarts: Int = 3

    public init(timeout: Double = 30, memoryBytes: Int = 2 << 30, restarts: Int = 3) {
        self.timeout = timeout
        self.memoryBytes = memoryBytes
        self.restarts = restarts
    }
}

/// Crashes and timeouts of one plugin, across its workers: after `limit` of them the plugin is quarantined.
final class FailureBudget: Sendable {
    private let state = Mutex((failures: 0, quarantined: false))

    var isQuarantined: Bool { state.withLock { $0.quarantined } }

    /// Counts a failure; returns the restarts left and whether this failure quarantined the plugin.
    func spend(limit: Int) -> (restartsLeft: Int, quarantinedNow: Bool) {
        state.withLock { state in
            state.failures += 1
            let quarantinedNow = !state.quarantined && state.failures > limit
            if quarantinedNow { state.quarantined = true }
            return (max(0, limit - state.failures), quarantinedNow)
        }
    }
}
