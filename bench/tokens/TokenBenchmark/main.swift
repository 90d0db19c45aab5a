import Dispatch
import Foundation
import Tokenization

// Counts the tokens of every line of a text file (each line as plain text, without its newline) and reports the
// time the counting took, for bench/tokens/run.py to set beside tiktoken.
//
//   TokenBenchmark --encoding cl100k_base --file FILE [--max-bytes N] [--threads N] [--rounds N] [--counts OUT]
//
// Prints one JSON object: lines, bytes, tokens, load seconds, and the seconds of each round. With --counts, also
// writes each line's count, one a line, so the script can check them against tiktoken's.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("TokenBenchmark: \(message)\n".utf8))
    exit(2)
}

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard name.hasPrefix("--"), let value = arguments.popFirst() else { fail("expected --name value pairs") }
    options[String(name.dropFirst(2))] = value
}
guard let file = options["file"] else { fail("--file is required") }
guard let encoding = BPEEncoding.named(options["encoding"] ?? "cl100k_base") else { fail("unknown encoding") }
let maximumBytes = Int(options["max-bytes"] ?? "") ?? Int.max
let threads = max(1, Int(options["threads"] ?? "") ?? 1)
let rounds = max(1, Int(options["rounds"] ?? "") ?? 1)

guard var data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
if data.count > maximumBytes {
    // Whole lines only: cut after the last newline within the first `maximumBytes` bytes.
    let prefix = data.prefix(maximumBytes)
    data = prefix.lastIndex(of: 0x0A).map { data.prefix(through: $0) } ?? prefix
}
let lines: [String] = data.split(separator: 0x0A, omittingEmptySubsequences: false).map {
    String(decoding: $0, as: UTF8.self)
}.dropLast(data.last == 0x0A ? 1 : 0)
let byteCount = lines.reduce(0) { $0 + $1.utf8.count }

let loadStart = DispatchTime.now()
let tokenizer: BPETokenizer
do {
    tokenizer = try BPETokenizer(encoding: encoding)
} catch {
    fail("\(error)")
}
let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart.uptimeNanoseconds) / 1e9

/// Counts for every line, each of `threads` workers taking a contiguous share with its own session.
final class Counts: @unchecked Sendable {
    // @unchecked: each worker writes only its own disjoint range of `values`, and the reader waits for all.
    var values: [Int]
    init(_ count: Int) { values = [Int](repeating: 0, count: count) }
}

var roundSeconds: [Double] = []
let counts = Counts(lines.count)
for _ in 0..<rounds {
    let start = DispatchTime.now()
    counts.values.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let output = buffer
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            let session = tokenizer.makeSession()
            let share = (lines.count + threads - 1) / threads
            for index in worker * share..<min(lines.count, (worker + 1) * share) {
                output[index] = session.count(lines[index])
            }
        }
    }
    roundSeconds.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
}
let tokens = counts.values.reduce(0, +)

if let path = options["counts"] {
    let text = counts.values.map(String.init).joined(separator: "\n") + "\n"
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { fail("cannot write \(path)") }
}
let rounded = roundSeconds.map { String(format: "%.4f", $0) }.joined(separator: ", ")
print(#"{"encoding": "\#(encoding.name)", "lines": \#(lines.count), "bytes": \#(byteCount), "tokens": \#(tokens), "threads": \#(threads), "load_seconds": \#(String(format: "%.4f", loadSeconds)), "seconds": [\#(rounded)]}"#)
