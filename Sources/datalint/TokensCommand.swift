import ArgumentParser
import DatasetIO
import Foundation
import RecordScanner
import RecordTokens
import Reporting
import Tokenization

struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Print the token count of each input line, one number per line.",
        discussion: """
            Counts are exact BPE counts of the encoding (tiktoken's cl100k_base or o200k_base; the rank files are \
            installed by the set-up script, or found through DATALINT_TIKTOKEN_DIR). Each line is counted as plain \
            text, without its line ending. With --records each line is a JSON record: a chat record (messages or \
            conversations) is counted as the OpenAI cookbook counts a conversation (every field of every message, \
            3 tokens a message, 1 for a name, 3 for the reply), any other record as the sum of its string values. \
            Without the rank files, --approximate prints estimates (and says so on standard error).
            """)

    @Argument(help: ArgumentHelp("A text or JSONL file (.gz too), or - for standard input.", valueName: "FILE"))
    var file: String = "-"

    @Option(help: "cl100k_base or o200k_base.")
    var encoding: String = BPEEncoding.cl100kBase.name

    @Flag(help: "Count each line as a JSON record (chat overhead included) instead of as plain text.")
    var records = false

    @Flag(help: "Estimate when the encoding's rank file is not installed, instead of failing.")
    var approximate = false

    func validate() throws {
        guard BPEEncoding.named(encoding) != nil else {
            throw ValidationError("unknown --encoding '\(encoding)' (known: \(BPEEncoding.all.map(\.name).joined(separator: ", ")))")
        }
    }

    func run() async throws {
        var errors = StandardStream.error()
        var counter: LineTokenCounter
        do {
            counter = try LineTokenCounter(encoding: BPEEncoding.named(encoding)!, allowApproximate: approximate)
        } catch {
            errors.write("datalint: error: \(error)\n")
            errors.flush()
            throw ExitCode(2)
        }
        if counter.isApproximate {
            errors.write("datalint: note: \(encoding)'s rank file is not installed; these counts are estimates\n")
            errors.flush()
        }
        var output = StandardStream.output()
        do {
            var reader = try DatasetReader(path: file)
            defer { reader.close() }
            let name = file == "-" ? "<stdin>" : file
            while let chunk = try reader.nextChunk() {
                var line = chunk.firstLine
                var text = ""
                var failure: (any Error)?
                LineSplitter.forEachLine(in: chunk.bytes) { range in
                    guard failure == nil else { return }
                    do {
                        let count = try records ? counter.countRecord(chunk.bytes, range, file: name, line: line)
                                                : counter.countText(chunk.bytes[range])
                        text += "\(count)\n"
                    } catch {
                        failure = error
                    }
                    line += 1
                }
                output.write(text)
                if let failure { throw failure }
            }
            output.flush()
        } catch {
            output.flush()
            errors.write("datalint: error: \(error)\n")
            errors.flush()
            throw ExitCode(2)
        }
    }
}

/// Counts the tokens of lines as text or as records (`RecordTokenCounter`), failing on a line that is not JSON.
struct LineTokenCounter {
    private let counter: RecordTokenCounter
    var isApproximate: Bool { counter.isApproximate }

    init(encoding: BPEEncoding, allowApproximate: Bool) throws {
        do {
            counter = RecordTokenCounter(tokenizer: try BPETokenizer(encoding: encoding))
        } catch {
            guard allowApproximate else { throw error }
            counter = RecordTokenCounter(tokenizer: nil, encoding: encoding)
        }
    }

    func countText(_ bytes: ArraySlice<UInt8>) -> Int { counter.count(utf8: bytes) }

    /// Reused for every line: scanning allocates nothing per line once they have grown.
    private var scanner = RecordScanner()
    private var record = ParsedRecord()

    mutating func countRecord(_ bytes: [UInt8], _ range: Range<Int>, file: String, line: Int) throws -> Int {
        guard !LineSplitter.isBlank(bytes[range]) else { return 0 }
        scanner.scan(bytes, lineRange: range, lineNumber: line, into: &record)
        if let error = record.syntaxError {
            let position = record.position(atByteOffset: error.offset)
            throw TokensInputError(message: "\(file):\(line + 1):\(position.utf8Column + 1): \(error.message)")
        }
        return counter.count(record) ?? 0
    }
}

struct TokensInputError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
