import ArgumentParser
import DatasetIO
import Foundation
import RecordScanner
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
        let counter: LineTokenCounter
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

/// Counts the tokens of lines as text or as records, exactly when the encoding's rank file is installed.
struct LineTokenCounter {
    private let session: TokenizerSession?
    private let estimator: ApproximateTokenCounter
    var isApproximate: Bool { session == nil }

    init(encoding: BPEEncoding, allowApproximate: Bool) throws {
        estimator = ApproximateTokenCounter(approximating: encoding)
        do {
            session = try BPETokenizer(encoding: encoding).makeSession()
        } catch {
            guard allowApproximate else { throw error }
            session = nil
        }
    }

    func countText(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBytes { buffer in session?.count(utf8: buffer) ?? estimator.count(utf8: buffer).value }
    }

    func count(_ text: String) -> Int { session?.count(text) ?? estimator.count(text).value }

    /// A record's tokens: a conversation as the cookbook counts it, anything else as its string values.
    func countRecord(_ bytes: [UInt8], _ range: Range<Int>, file: String, line: Int) throws -> Int {
        var scanner = RecordScanner()
        var record = ParsedRecord()
        scanner.scan(bytes, lineRange: range, lineNumber: line, into: &record)
        if record.lineRange.isEmpty || bytes[range].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return 0 }
        if let error = record.syntaxError {
            let position = record.position(atByteOffset: error.offset)
            throw TokensInputError(message: "\(file):\(line + 1):\(position.utf8Column + 1): \(error.message)")
        }
        guard let root = record.rootObject else { return record.stringValueNodes().reduce(0) { $0 + count(record.string($1)) } }
        let list = record.value(forKey: "messages", in: root) ?? record.value(forKey: "conversations", in: root)
        guard let list, record[list].kind == .array else {
            return record.stringValueNodes().reduce(0) { $0 + count(record.string($1)) }
        }
        let messages = record.elements(of: list).compactMap { message -> ChatMessage? in
            guard record[message].kind == .object else { return nil }
            return ChatMessage(fields: record.members(of: message).compactMap { member in
                record[member.value].kind == .string
                    ? ChatMessage.Field(key: record.string(member.key), value: record.string(member.value)) : nil
            })
        }
        return ChatTokenOverhead.openAICookbook.count(messages, tokens: count)
    }
}

struct TokensInputError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
