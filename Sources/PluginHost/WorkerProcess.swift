#if canImport(Glibc)
import Glibc
#endif

/// A plugin's worker process: `command` started with its standard input and output on pipes to this process.
final class WorkerProcess {
    let pid: pid_t
    var channel: FrameChannel
    private var reaped: Int32?

    init(command: [String]) throws(PluginFailure) {
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else {
            throw .protocolError("cannot make pipes: \(String(cString: strerror(errno)))")
        }
        // Close-on-exec, so that another worker started meanwhile does not hold this one's pipes open (the child's
        // own ends are duplicated onto its standard input and output, which stay open).
        for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        // A batch is a megabyte or two: with the default 64 KiB pipes, host and worker would take turns a few dozen
        // times per batch. F_SETPIPE_SZ (1031, Linux) raises the capacity up to /proc/sys/fs/pipe-max-size.
        for descriptor in [toChild[1], fromChild[1]] { _ = fcntl(descriptor, 1031, Int32(1 << 20)) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO)
        var pid = pid_t()
        let arguments = command.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        // A crashing plugin is reported by the host, with its name and record; the Swift runtime's own crash report
        // of the worker would only bury that under a backtrace of datalint's worker loop.
        var inherited: [String] = []
        var entry = environ
        while let variable = entry.pointee {
            let text = String(cString: variable)
            if !text.hasPrefix("SWIFT_BACKTRACE=") { inherited.append(text) }
            entry += 1
        }
        let environment = (inherited + ["SWIFT_BACKTRACE=enable=no"]).map { strdup($0) } + [nil]
        defer { environment.forEach { free($0) } }
        // The worker leads a process group of its own, so that stopping it stops whatever its plugin forked; and it
        // starts with no signal blocked (the spawning thread may block some, and a child inherits the mask).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))
        let status = posix_spawn(&pid, command[0], &actions, &attributes, arguments, environment)
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw .protocolError("cannot start \(command[0]): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        channel = FrameChannel(input: fromChild[0], output: toChild[1])
    }

    deinit {
        stop()
        close(channel.input)
        close(channel.output)
    }

    /// Kills the process (if it still runs) and collects it.
    func stop() {
        // The whole group: the worker and anything its plugin forked (the group outlives a reaped leader while
        // members remain).
        kill(-pid, SIGKILL)
        guard reaped == nil else { return }
        kill(pid, SIGKILL)
        _ = exitStatus()
    }

    /// How the process ended, collected once: "signal 11, segmentation fault", "exit status 3".
    var ending: String {
        let status = exitStatus()
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
