#if canImport(Glibc)
import Glibc
#endif
import DatalintStageABI

/// The child side of process isolation (`datalint plugin-worker`): loads one plugin and serves the host's frames
/// on standard input and output until the host closes them. A plugin that crashes or hangs takes this process
/// with it, never the host.
public enum PluginWorker {
    /// Serves the plugin at `path`; returns the process's exit status. `memoryLimit` (bytes) caps the address space
    /// first, so that a plugin that allocates without end fails here instead of exhausting the machine.
    public static func run(path: String, memoryLimit: Int?) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        if let memoryLimit {
            var limit = rlimit(rlim_cur: rlim_t(memoryLimit), rlim_max: rlim_t(memoryLimit))
            setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        }
        // The protocol moves off standard input and output before the plugin is loaded: a plugin that prints (a
        // debugging printf) writes to standard error instead of into the frames, and one that reads gets nothing.
        let protocolInput = dup(STDIN_FILENO), protocolOutput = dup(STDOUT_FILENO)
        _ = fcntl(protocolInput, F_SETFD, FD_CLOEXEC)
        _ = fcntl(protocolOutput, F_SETFD, FD_CLOEXEC)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        let nothing = open("/dev/null", O_RDONLY)
        if nothing >= 0 {
            dup2(nothing, STDIN_FILENO)
            close(nothing)
        }
        var channel = FrameChannel(input: protocolInput, output: protocolOutput)
        // A background process group writing to a terminal with `stty tostop` would be stopped by SIGTTOU.
        signal(SIGTTOU, SIG_IGN)
        watchForHostExit(on: protocolInput)
        // When the host goes (its end of the pipe closes), so do this worker and anything its plugin started: the
        // worker leads a process group of its own (see WorkerProcess).
        defer { if getpgrp() == getpid() { kill(0, SIGKILL) } }
        let library: PluginLibrary
        do {
            library = try PluginLibrary.load(path)
        } catch {
            var writer = FrameWriter(.loadError)
            writer.string(error.description)
            _ = channel.write(writer.frame)
            return 3
        }
        guard channel.write(library.descriptor.helloFrame) == .written else { return 0 }
        var instance: InProcessInstance?
        while case .frame(let kind, let payload) = channel.read() {
            let result: PluginCallResult
            switch kind {
            case .configure:
                do {
                    instance = try InProcessInstance(library, configuration: String(decoding: payload, as: UTF8.self))
                    result = PluginCallResult()
                } catch {
                    result = PluginCallResult(events: error.events, failure: error.failure)
                }
            case .process:
                guard let instance else { return 4 }
                result = process(payload, with: instance)
            case .finish:
                guard let instance else { return 4 }
                result = instance.finish()
            default:
                return 4
            }
            guard send(result, on: channel) else { return 0 }
        }
        return 0
    }

    /// Ends the worker and its group as soon as the host's end of the pipe closes — the host exited or was killed —
    /// even while the plugin is busy in a call and the main thread is not reading.
    private static func watchForHostExit(on input: Int32) {
        guard getpgrp() == getpid() else { return }
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { argument in
            let input = Int32(Int(bitPattern: argument))
            while true {
                var poller = pollfd(fd: input, events: 0, revents: 0)
                if poll(&poller, 1, -1) > 0, poller.revents & Int16(POLLHUP | POLLERR) != 0 { kill(0, SIGKILL) }
                if errno != EINTR { usleep(100_000) }
            }
        }, UnsafeMutableRawPointer(bitPattern: Int(input)))
        if started == 0 { pthread_detach(thread) }
    }

    /// A `P` frame's records, passed to the plugin without another copy.
    private static func process(_ payload: [UInt8], with instance: InProcessInstance) -> PluginCallResult {
        payload.withUnsafeBytes { raw in
            var records: [datalint_record] = []
            var offset = 4
            let count = raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self).littleEndian
            records.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard offset + 12 <= raw.count else { break }
                let line = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self).littleEndian)
                offset += 12
                guard offset + length <= raw.count else { break }
                records.append(datalint_record(json: raw.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self),
                                               length: length, line: line))
                offset += length
            }
            return records.withUnsafeBufferPointer { instance.process($0) }
        }
    }

    private static func send(_ result: PluginCallResult, on channel: FrameChannel) -> Bool {
        var frames: [UInt8] = []
        for event in result.events { frames += event.frame }
        var end = FrameWriter(.end)
        if case .failed(let message) = result.failure {
            end.integer(UInt8(1))
            end.string(message)
        } else {
            end.integer(UInt8(0))
            end.string("")
        }
        frames += end.frame
        return channel.write(frames) == .written
    }
}
