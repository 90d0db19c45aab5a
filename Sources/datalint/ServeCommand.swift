import ArgumentParser
import JSONRPC
import LanguageServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the language server (LSP 3.17) over standard input and output.",
        discussion: """
            Editors start this and speak JSON-RPC with LSP framing on its standard streams: diagnostics as you \
            type, quick fixes, hovers and an outline of records. Scripts can call datalint/check and \
            datalint/stats on the same connection (protocol/README.md). Logs go to standard error.
            """)

    @Flag(help: "Accepted for editors that pass it; standard input and output are always used.")
    var stdio = false

    func run() async throws {
        // The protocol gets a descriptor of its own, and descriptor 1 becomes standard error, so that nothing
        // printed by accident (a library, a plugin) can corrupt the message stream.
        let protocolOutput = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        signal(SIGPIPE, SIG_IGN)
        let channel = ByteChannel(input: STDIN_FILENO, output: protocolOutput)
        let connection = Connection(channel: channel)
        let status = await LanguageServer(connection: connection).run()
        if status != 0 { throw ExitCode(status) }
    }
}
