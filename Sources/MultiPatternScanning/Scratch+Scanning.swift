internal import CVectorscan

/// Whether a scan looked at all of its input.
public enum ScanCompletion: Sendable, Equatable {
    /// Every match in the input was collected.
    case complete
    /// The scan stopped early: it had collected as many matches as it was allowed, and found another.
    case stoppedAtLimit
}

// Scanning. Every overload funnels into `scan(buffer:…)`, the one place that calls `hs_scan`.
extension Scratch {
    /// Every match in `bytes`, in the order Vectorscan reports them (by end offset; matches ending at the same
    /// offset in no fixed order). Offsets count from the start of `bytes`.
    public func scan(_ bytes: UnsafeRawBufferPointer) throws(VectorscanError) -> [Match] {
        var matches: [Match] = []
        try scan(bytes, into: &matches)
        return matches
    }

    /// Every match in `bytes`. Offsets count from the start of the array.
    public func scan(_ bytes: [UInt8]) throws(VectorscanError) -> [Match] {
        var matches: [Match] = []
        try scan(bytes, into: &matches)
        return matches
    }

    /// Every match in `bytes`. Offsets are indices of the slice (so they count from `bytes.startIndex`, as
    /// indices into the slice's base array do), not offsets from the slice's first element.
    public func scan(_ bytes: ArraySlice<UInt8>) throws(VectorscanError) -> [Match] {
        var matches: [Match] = []
        try scan(bytes, into: &matches)
        return matches
    }

    /// Every match in the UTF-8 bytes of `text`; offsets are byte offsets into `text.utf8`.
    public func scan(_ text: String) throws(VectorscanError) -> [Match] {
        var matches: [Match] = []
        var text = text
        // withUTF8 and withUnsafeBytes rethrow untyped errors; a Result carries the typed one through them.
        _ = try text.withUTF8 { utf8 in
            Result { () throws(VectorscanError) in try scan(UnsafeRawBufferPointer(utf8), into: &matches) }
        }.get()
        return matches
    }

    /// Appends the matches in `bytes` to `matches`, at most `limit` of them, and says whether the scan
    /// finished. Reusing one array across records avoids an allocation per record on the hot path.
    @discardableResult
    public func scan(_ bytes: UnsafeRawBufferPointer, into matches: inout [Match],
                     limit: Int = .max) throws(VectorscanError) -> ScanCompletion {
        try scan(buffer: bytes, offset: 0, into: &matches, limit: limit)
    }

    /// Appends the matches in `bytes`, a part of a larger buffer that starts `base` bytes into it, to `matches`,
    /// with offsets into the larger buffer.
    @discardableResult
    public func scan(_ bytes: UnsafeRawBufferPointer, reportingOffsetsFrom base: Int, into matches: inout [Match],
                     limit: Int = .max) throws(VectorscanError) -> ScanCompletion {
        try scan(buffer: bytes, offset: base, into: &matches, limit: limit)
    }

    /// Appends the matches in `bytes` to `matches`, at most `limit` of them; offsets count from the start.
    @discardableResult
    public func scan(_ bytes: [UInt8], into matches: inout [Match],
                     limit: Int = .max) throws(VectorscanError) -> ScanCompletion {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(VectorscanError) in try scan(buffer: buffer, offset: 0, into: &matches, limit: limit) }
        }.get()
    }

    /// Appends the matches in `bytes` to `matches`, at most `limit` of them; offsets are slice indices.
    @discardableResult
    public func scan(_ bytes: ArraySlice<UInt8>, into matches: inout [Match],
                     limit: Int = .max) throws(VectorscanError) -> ScanCompletion {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(VectorscanError) in
                try scan(buffer: buffer, offset: bytes.startIndex, into: &matches, limit: limit)
            }
        }.get()
    }

    private func scan(buffer: UnsafeRawBufferPointer, offset: Int, into matches: inout [Match],
                      limit: Int) throws(VectorscanError) -> ScanCompletion {
        guard let length = UInt32(exactly: buffer.count) else {
            throw VectorscanError(code: HS_INVALID, operation: "hs_scan of more than 4 GiB")
        }
        // An empty Swift buffer may have no address, which hs_scan rejects; any valid address will do.
        let empty: UInt8 = 0
        var sink = MatchSink(matches: matches, offset: offset, remaining: limit)
        matches = []  // Leave `sink` the only reference, so appending never copies the array.
        let result = withUnsafePointer(to: empty) { emptyAddress in
            withUnsafeMutablePointer(to: &sink) { sinkAddress in
                let data = (buffer.baseAddress ?? UnsafeRawPointer(emptyAddress)).assumingMemoryBound(to: CChar.self)
                return hs_scan(database.pointer, data, length, 0, pointer, { id, from, to, _, context in
                    context!.assumingMemoryBound(to: MatchSink.self).pointee.append(id: id, from: from, to: to)
                }, sinkAddress)
            }
        }
        matches = sink.matches
        switch result {
        case HS_SUCCESS: return .complete
        case HS_SCAN_TERMINATED: return .stoppedAtLimit
        default: throw VectorscanError(code: result, operation: "hs_scan")
        }
    }
}

/// Where the match callback puts what it finds. The callback is a C function pointer and cannot capture, so
/// the sink travels through Vectorscan's context pointer.
private struct MatchSink {
    var matches: [Match]
    let offset: Int
    var remaining: Int

    /// Records one match, or, when the limit is already reached, returns non-zero to tell Vectorscan to stop.
    /// Stopping at the first match *beyond* the limit means `.stoppedAtLimit` always implies a lost match.
    mutating func append(id: UInt32, from: UInt64, to: UInt64) -> Int32 {
        guard remaining > 0 else { return 1 }
        matches.append(Match(id: id, range: (offset + Int(from))..<(offset + Int(to))))
        remaining -= 1
        return 0
    }
}
