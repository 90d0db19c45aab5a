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
    /// rewritten in place (appending byte by byte made normalizing a fifth of the time to sign a record for
    /// deduplication). The copy goes one byte further than the run's start, so that a pending space fits before
    /// it; writing never passes reading after that.
    mutating func append(asciiRun run: UnsafeRawBufferPointer, classes: UnsafeBufferPointer<ScalarClass>) {
        let start = bytes.count
        bytes.append(0)
        bytes.append(contentsOf: run)
        let collapse = options.collapseWhitespace
        let strip = options.stripPunctuation
        let fold = options.caseFold
        var spacePending = self.spacePending
        let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            var write = start
            for read in (start + 1)..<buffer.count {
                let byte = buffer[read]
                switch classes[Int(byte)] {
                case .whitespace where collapse:
                    spacePending = write > 0
                    continue
                case .punctuation where strip:
                    continue
                default:
                    break
                }
                if spacePending {
                    buffer[write] = 0x20
                    write += 1
                    spacePending = false
                }
                buffer[write] = fold && byte &- 0x41 < 26 ? byte | 0x20 : byte
                write += 1
            }
            return write
        }
        bytes.removeLast(bytes.count - written)
        self.spacePending = spacePending
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
