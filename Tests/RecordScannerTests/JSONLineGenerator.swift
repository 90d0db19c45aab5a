/// Deterministic generator of JSON lines and their mutations, for the differential test against jansson.
struct JSONLineGenerator {
    private var random: SplitMix
    /// Percent of scalar values drawn from `EdgeCaseCorpus.values` instead of being well formed.
    var edgeValuePercent = 0

    init(seed: UInt64) { random = SplitMix(seed: seed) }

    mutating func next() -> UInt64 { random.next() }
    mutating func below(_ bound: Int) -> Int { random.below(bound) }
    mutating func chance(_ percent: Int) -> Bool { random.chance(percent) }
    mutating func pick<T>(_ choices: [T]) -> T { random.pick(choices) }

    mutating func line() -> [UInt8] {
        var output: [UInt8] = []
        if chance(25) {
            chatRecord(into: &output)
        } else {
            value(depth: 0, into: &output)
        }
        return output
    }

    /// A line nested close to the 2048-level limit, where the scanner and jansson count depth differently.
    mutating func deepLine() -> [UInt8] {
        let depth = chance(90) ? 2040 + below(12) : 2048 + below(2000)
        var closers: [UInt8] = []
        var output: [UInt8] = []
        output.reserveCapacity(depth * 6)
        for _ in 0..<depth {
            if chance(15) {
                output.append(contentsOf: #"{"k":"#.utf8)
                closers.append(UInt8(ascii: "}"))
            } else {
                output.append(UInt8(ascii: "["))
                closers.append(UInt8(ascii: "]"))
            }
            if chance(2) { output.append(0x20) }
        }
        // What sits at the bottom decides the verdict at the limit: a scalar is one more level for jansson.
        switch below(4) {
        case 0: output.append(contentsOf: "1".utf8)
        case 1: output.append(contentsOf: #""s""#.utf8)
        case 2: output.append(contentsOf: "[]".utf8)
        default:
            // Nothing: legal only for arrays (`{"k":}` is not JSON), and that is fine to generate too.
            break
        }
        output.append(contentsOf: closers.reversed())
        return output
    }

    private mutating func whitespace(into output: inout [UInt8]) {
        guard chance(20) else { return }
        let choices: [UInt8] = [0x20, 0x20, 0x09, 0x0D, 0x0A]
        for _ in 0..<(1 + below(2)) { output.append(choices[below(choices.count)]) }
    }

    /// The shape datalint mostly sees: a chat record with a list of messages.
    private mutating func chatRecord(into output: inout [UInt8]) {
        output.append(contentsOf: #"{"messages":["#.utf8)
        for index in 0..<(1 + below(4)) {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: #"{"role":""#.utf8)
            output.append(contentsOf: pick(["system", "user", "assistant", "tool"]).utf8)
            output.append(contentsOf: #"","content":"#.utf8)
            string(into: &output)
            output.append(UInt8(ascii: "}"))
        }
        output.append(UInt8(ascii: "]"))
        if chance(30) {
            output.append(contentsOf: #","meta":"#.utf8)
            value(depth: 2, into: &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    private mutating func value(depth: Int, into output: inout [UInt8]) {
        whitespace(into: &output)
        let roll = depth > 4 ? 2 + below(6) : below(8)
        if roll >= 2 && edgeValuePercent > 0 && chance(edgeValuePercent) {
            output.append(contentsOf: pick(EdgeCaseCorpus.values))
        } else {
            switch roll {
            case 0: object(depth: depth, into: &output)
            case 1: array(depth: depth, into: &output)
            case 2, 3: string(into: &output)
            case 4, 5: number(into: &output)
            default: output.append(contentsOf: ["true", "false", "null"][below(3)].utf8)
            }
        }
        whitespace(into: &output)
    }

    private mutating func object(depth: Int, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        let count = below(5)
        var keys: [[UInt8]] = []
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            whitespace(into: &output)
            // Now and then a repeated key, or one escaped to NUL (valid JSON that jansson refuses).
            if !keys.isEmpty && chance(5) {
                output.append(contentsOf: pick(keys))
            } else if chance(1) {
                output.append(contentsOf: #""k\u0000""#.utf8)
            } else {
                let start = output.count
                string(into: &output)
                keys.append(Array(output[start...]))
            }
            whitespace(into: &output)
            output.append(UInt8(ascii: ":"))
            value(depth: depth + 1, into: &output)
        }
        if count == 0 { whitespace(into: &output) }
        output.append(UInt8(ascii: "}"))
    }

    private mutating func array(depth: Int, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        let count = below(5)
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            value(depth: depth + 1, into: &output)
        }
        if count == 0 { whitespace(into: &output) }
        output.append(UInt8(ascii: "]"))
    }

    private static let fragments: [String] = [
        "a", "role", "content", "user", " ", "é", "中文", "😀", "👩‍👩‍👧", "\\n", "\\\"", "\\\\", "\\/", "\\t",
        "\\u00e9", "\\uD83D\\uDE00", "\\u0000", "\\u001f", "<|im_start|>", "x y z", "\u{7F}", "ﬀ", "e\u{301}",
        "\\b\\f\\r", "\\u00E9", "\\uFFFF", "\\u2028", "\\uDBFF\\uDFFF", "\\ud800\\udc00", "\u{FEFF}", "\u{10FFFF}",
        "\u{A0}", "\u{2028}", "'", "/",
    ]

    private mutating func string(into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for _ in 0..<below(6) { output.append(contentsOf: Self.fragments[below(Self.fragments.count)].utf8) }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func number(into output: inout [UInt8]) {
        if chance(5) {
            output.append(contentsOf: pick(EdgeCaseCorpus.wellFormedNumbers).utf8)
            return
        }
        var text = chance(30) ? "-" : ""
        text += chance(20) ? "0" : String(1 + below(999_999))
        if chance(30) { text += "." + String(below(10_000)) }
        if chance(20) { text += (chance(50) ? "e" : "E") + ["", "+", "-"][below(3)] + String(below(300)) }
        output.append(contentsOf: text.utf8)
    }

    /// Bytes that break JSON in interesting ways when inserted or substituted.
    private static let interestingBytes: [UInt8] = [
        0x7B, 0x7D, 0x5B, 0x5D, 0x22, 0x2C, 0x3A, 0x5C, 0x20, 0x30, 0x31, 0x2D, 0x2B, 0x2E, 0x65, 0x45, 0x74,
        0x66, 0x6E, 0x75, 0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0,
        0xF4, 0xF5, 0xFF, 0x27, 0x2F, 0x0C, 0x0B,
    ]

    /// One to three random edits of `line`.
    mutating func mutate(_ line: [UInt8]) -> [UInt8] {
        var bytes = line
        for _ in 0..<(1 + below(3)) {
            let position = bytes.isEmpty ? 0 : below(bytes.count)
            switch below(9) {
            case 0 where !bytes.isEmpty: bytes.remove(at: position)
            case 1: bytes.insert(Self.interestingBytes[below(Self.interestingBytes.count)], at: position)
            case 2 where !bytes.isEmpty: bytes[position] = Self.interestingBytes[below(Self.interestingBytes.count)]
            case 3: bytes = Array(bytes[..<position])
            case 4 where bytes.count > 1:
                let end = min(bytes.count, position + 1 + below(8))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            case 5: bytes.insert(contentsOf: pick(EdgeCaseCorpus.insertions), at: position)
            case 6: insertInsideString(pick(EdgeCaseCorpus.stringContents), into: &bytes)
            case 7: insertAfterToken(pick([0x00, 0x00, 0x20, 0x0C, 0x0B, 0x01]), into: &bytes)
            default:
                if bytes.count > 1 { bytes.swapAt(position, below(bytes.count)) }
            }
        }
        return bytes
    }

    /// Inserts `text` just after a random quote, which is inside a string about half the time.
    private mutating func insertInsideString(_ text: [UInt8], into bytes: inout [UInt8]) {
        let quotes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\"") }
        guard !quotes.isEmpty else { return bytes.append(contentsOf: text) }
        bytes.insert(contentsOf: text, at: pick(quotes) + 1)
    }

    /// Inserts `byte` right after the last character of a number or literal (a digit, or the `e`/`l` that
    /// ends true, false and null), where jansson's look-ahead reads it.
    private mutating func insertAfterToken(_ byte: UInt8, into bytes: inout [UInt8]) {
        let ends = bytes.indices.filter {
            let byte = bytes[$0]
            return (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "e")
                || byte == UInt8(ascii: "l")
        }
        guard !ends.isEmpty else { return bytes.append(byte) }
        bytes.insert(byte, at: pick(ends) + 1)
    }
}
