/// Appends code points to the normalized output, applying white-space collapsing and punctuation stripping.
///
/// Both the ASCII fast path and the Unicode path feed one of these, so the two agree on where spaces go.
struct NormalizedWriter {
    private(set) var bytes: [UInt8]
    private let options: NormalizationOptions
    /// A collapsed run of white space waiting for the next kept character (dropped at the end: trailing trim).
    private var spacePending = false

    init(options: NormalizationOptions, capacity: Int) {
        self.options = options
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends an ASCII byte, with its class already known.
    mutating func append(ascii byte: UInt8, class scalarClass: ScalarClass) {
        guard admit(scalarClass) else { return }
        var byte = byte
        if options.caseFold, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
        bytes.append(byte)
    }

    /// Appends a run of ASCII bytes, as `append(ascii:class:)` for each would: the run is copied in one go, then
    /// rewritten in place without a branch per byte (a branch on each byte's class, mispredicted every few bytes
    /// at word boundaries, made normalizing a fifth of the time to sign a record for deduplication). The copy
    /// starts one byte early, so that a pending space fits before it; writing never passes reading after that,
    /// and each step may write two bytes ahead of what it keeps, over bytes already read.
    mutating func append(asciiRun run: UnsafeRawBufferPointer) {
        let start = bytes.count
        bytes.append(0)
        bytes.append(contentsOf: run)
        let kinds = ASCIIRunTables.kinds(collapse: options.collapseWhitespace, strip: options.stripPunctuation)
        let output = options.caseFold ? ASCIIRunTables.folded : ASCIIRunTables.identity
        var pending = spacePending
        let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            var write = start
            for read in (start + 1)..<buffer.count {
                let byte = buffer[read]
                let kind = kinds[Int(byte)]
                let keep = kind == ASCIIRunTables.keep
                buffer[write] = 0x20
                write &+= keep && pending ? 1 : 0
                buffer[write] = output[Int(byte)]
                write &+= keep ? 1 : 0
                pending = kind == ASCIIRunTables.space ? write > 0 : pending && !keep
            }
            return write
        }
        bytes.removeLast(bytes.count - written)
        spacePending = pending
    }

    /// Appends a code point that has already been case-folded and composed as the options ask.
    mutating func append(codepoint: Int32) {
        guard admit(ScalarClass(codepoint: codepoint)) else { return }
        // utf8proc only produces valid scalars; U+FFFD stands in should that ever change.
        let scalar = Unicode.Scalar(UInt32(codepoint)) ?? "\u{FFFD}"
        UTF8.encode(scalar) { bytes.append($0) }
    }

    /// Whether a character of this class is written now; writes the pending space before it when it is.
    private mutating func admit(_ scalarClass: ScalarClass) -> Bool {
        switch scalarClass {
        case .whitespace where options.collapseWhitespace:
            spacePending = !bytes.isEmpty
            return false
        case .punctuation where options.stripPunctuation:
            return false
        default:
            if spacePending {
                bytes.append(0x20)
                spacePending = false
            }
            return true
        }
    }
}

/// What `NormalizedWriter.append(asciiRun:)` looks up for each byte: made once per process.
enum ASCIIRunTables {
    static let keep: UInt8 = 0
    static let space: UInt8 = 1
    static let drop: UInt8 = 2

    /// For each ASCII byte, whether it is kept, collapsed into a pending space or dropped, for each combination
    /// of collapsing white space and stripping punctuation.
    private static let kindsByOptions: [[UInt8]] = [false, true].flatMap { collapse in
        [false, true].map { strip in
            ScalarClass.ascii.map { scalarClass -> UInt8 in
                switch scalarClass {
                case .whitespace where collapse: space
                case .punctuation where strip: drop
                default: keep
                }
            }
        }
    }

    static func kinds(collapse: Bool, strip: Bool) -> [UInt8] {
        kindsByOptions[(collapse ? 2 : 0) + (strip ? 1 : 0)]
    }

    static let identity: [UInt8] = (0..<128).map { UInt8($0) }
    static let folded: [UInt8] = identity.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
}
