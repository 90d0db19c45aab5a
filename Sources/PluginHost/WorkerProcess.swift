#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A plugin's worker process: `command` started with its standard input and output on pipes to this process.
///
/// The worker leads a process group of its own, so that stopping it stops whatever its plugin forked. The group is
/// signalled only while its leader is not yet reaped (a zombie still holds the group's id), so a reused id is never
/// hit.
final class WorkerProcess {
    let pid: pid_t
    var channel: FrameChannel
    private var reaped: Int32?

    /// Making the pipes, marking them close-on-exec and spawning happen under one lock: a worker spawned by another
    /// thread in between would inherit this one's pipe ends and keep them open after this worker dies.
    private static let spawning = Mutex(())

    init(command: [String]) throws(PluginFailure) {
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        var pid = pid_t()
        let status = Self.spawning.withLock { _ -> Int32 in
            guard pipe(&toChild) == 0 else { return errno }
            guard pipe(&fromChild) == 0 else {
                let failure = errno
                close(toChild[0])
                close(toChild[1])
                return failure
            }
            for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
            // A batch is a megabyte or two: with the default 64 KiB pipes, host and worker would take turns a few dozen
            // times per batch. F_SETPIPE_SZ (1031, Linux) raises the capacity up to /proc/sys/fs/pipe-max-size.
            for descriptor in [toChild[1], fromChild[1]] { _ = fcntl(descriptor, 1031, Int32(1 << 20)) }
            let status = Self.spawn(command, stdin: toChild[0], stdout: fromChild[1], pid: &pid)
            close(toChild[0])
            close(fromChild[1])
            if status != 0 {
                close(toChild[1])
                close(fromChild[0])
            }
            return status
        }
        guard status == 0 else { throw .protocolError("cannot start \(command[0]): \(String(cString: strerror(status)))") }
        // Writes to a worker that stopped reading must end at the call's deadline, not block: the host's end is
        // non-blocking, and a full pipe is waited for with poll.
        _ = fcntl(toChild[1], F_SETFL, fcntl(toChild[1], F_GETFL) | O_NONBLOCK)
        self.pid = pid
        channel = FrameChannel(input: fromChild[0], output: toChild[1])
    }

    private static func spawn(_ command: [String], stdin: Int32, stdout: Int32, pid: inout pid_t) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stdout, STDOUT_FILENO)
        // Its own process group; no signal blocked (the spawning thread may block some, and a child inherits the
        // mask); every signal at its default (one ignored here, SIGINT under a shell's `&`, would be ignored there).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let arguments = command.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        let environment = workerEnvironment().map { strdup($0) } + [nil]
        defer { environment.forEach { free($0) } }
        return posix_spawn(&pid, command[0], &actions, &attributes, arguments, environment)
    }

    /// This process's environment, but for the Swift runtime's crash report: a crashing plugin is reported by the
    /// host, with its name and record, and a backtrace of the worker loop would only bury that.
    private static func workerEnvironment() -> [String] {
        var inherited: [String] = []
        var entry = environ
        while let variable = entry.pointee {
            let text = String(cString: variable)
            if !text.hasPrefix("SWIFT_BACKTRACE=") { inherited.append(text) }
            entry += 1
        }
        return inherited + ["SWIFT_BACKTRACE=enable=no"]
    }

    deinit {
        stop()
        close(channel.input)
        close(channel.output)
    }

    /// Kills the process group (if the worker still runs or is an unreaped zombie) and collects the worker.
    func stop() {
        guard reaped == nil else { return }
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        _ = exitStatus()
    }

    /// How a worker whose pipe closed ended: its exit, when it exits within `grace` seconds (a crash) — its group
    /// killed first, while the dead leader still holds the group's id — else it is stopped: it closed its end of the
    /// pipe but kept running.
    func ending(grace: Double) -> String {
        guard reaped == nil else { return Self.describe(reaped!) }
        let deadline = FrameChannel.now() + grace
        while FrameChannel.now() < deadline {
            if isZombie {
                kill(-pid, SIGKILL)
                return Self.describe(exitStatus())
            }
            usleep(2_000)
        }
        stop()
        return "it closed its end of the pipe and was stopped"
    }

    /// True once the worker has exited and waits to be reaped (state Z in /proc).
    private var isZombie: Bool {
        let descriptor = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0, let close = buffer[..<count].lastIndex(of: UInt8(ascii: ")")), close + 2 < count else { return false }
        return buffer[close + 2] == UInt8(ascii: "Z")
    }

    private static func describe(_ status: Int32) -> String {
        if status & 0x7f != 0 {
            let signal = status & 0x7f
            return "signal \(signal), \(String(cString: strsignal(signal)).lowercased())"
        }
        return "exit status \((status >> 8) & 0xff)"
    }

    private func exitStatus() -> Int32 {
        if let reaped { return reaped }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = status
        return status
    }
}
