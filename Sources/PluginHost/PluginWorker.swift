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
        var channel = FrameChannel(input: STDIN_FILENO, output: STDOUT_FILENO)
        let library: PluginLibrary
        do {
            library = try PluginLibrary.load(path)
        } catch {
            var writer = FrameWriter(.loadError)
            writer.string(error.description)
            _ = channel.write(writer.frame)
            return 3
        }
        guard channel.write(library.descriptor.helloFrame) else { return 0 }
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
        return channel.write(frames)
    }
}
