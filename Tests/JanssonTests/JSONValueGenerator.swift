import Jansson

/// Deterministic random `JSONValue`s for round-trip tests (SplitMix64, as in the scanner's line generator).
struct JSONValueGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func value(depth: Int = 0) -> JSONValue {
        switch depth > 4 ? 2 + below(6) : below(8) {
        case 0: return .array((0..<below(5)).map { _ in value(depth: depth + 1) })
        case 1:
            return .object(JSONObject((0..<below(5)).map { _ in (key(), value(depth: depth + 1)) }))
        case 2: return .string(string())
        case 3: return .integer(integer())
        case 4: return .real(real())
        case 5: return .bool(below(2) == 0)
        case 6: return .null
        default: return .string(string())
        }
    }

    /// Characters that exercise every escape and every UTF-8 length, NUL included.
    private static let pieces: [String] = [
        "a", "role", " ", "\"", "\\", "/", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}", "\u{1F}",
        "\u{7F}", "é", "中", "😀", "👩‍👩‍👧", "\u{FEFF}", "\u{2028}", "\u{10FFFF}", "e\u{301}", "<|im_start|>",
    ]

    private mutating func string() -> String {
        (0..<below(6)).map { _ in Self.pieces[below(Self.pieces.count)] }.joined()
    }

    /// Keys never hold NUL: jansson cannot decode such a key (see `nulInAKeyEncodesButJanssonCannotReadItBack`).
    private mutating func key() -> String {
        string().filter { $0 != "\u{0}" }
    }

    private mutating func integer() -> Int64 {
        [Int64.min, .max, 0, -1, Int64(truncatingIfNeeded: next()), Int64(below(1000))][below(6)]
    }

    private mutating func real() -> Double {
        let special: [Double] = [0, -0.0, 0.1, 1e300, -.leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e22, 123.456]
        if below(2) == 0 { return special[below(special.count)] }
        // Any finite bit pattern: exercises shortest-digit and 17-digit paths alike.
        var real = Double(bitPattern: next())
        while !real.isFinite { real = Double(bitPattern: next()) }
        return real
    }
}
