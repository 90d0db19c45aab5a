internal import CJansson

/// jansson's decoder, as the rest of datalint may use it: to decode JSON, or only to ask whether jansson
/// accepts some bytes (the record scanner's differential test uses it as the reference parser).
///
/// Every call uses the same settings: any value may be at the top (RFC 8259, not RFC 4627's objects and arrays
/// only) and `\u0000` is allowed in strings, because RFC 8259 allows it and a length-carrying Swift `String`
/// holds NUL without trouble. jansson still refuses `\u0000` in object keys whatever the flags; that surfaces
/// as `JanssonError.Kind.nulByteInKey`.
public enum JanssonParser {
    /// jansson's nesting limit: a value may be at most this many values deep, scalars included.
    public static let maximumDepth = Int(JSON_PARSER_MAX_DEPTH)

    /// The version of the jansson library loaded at run time.
    public static var libraryVersion: String { String(cString: jansson_version_str()) }

    /// True when jansson decodes `bytes` as one JSON text.
    public static func accepts(_ bytes: some Collection<UInt8>) -> Bool {
        do {
            _ = try load(bytes, rejectingDuplicateKeys: false)
            return true
        } catch {
            return false
        }
    }

    /// Throws jansson's error for `bytes` when it does not decode them.
    public static func validate(_ bytes: some Collection<UInt8>) throws(JanssonError) {
        _ = try load(bytes, rejectingDuplicateKeys: false)
    }

    static func load(_ bytes: some Collection<UInt8>, rejectingDuplicateKeys: Bool) throws(JanssonError)
        -> JanssonReference {
        var flags = Int(JSON_DECODE_ANY | JSON_ALLOW_NUL)
        if rejectingDuplicateKeys { flags |= Int(JSON_REJECT_DUPLICATES) }
        var error = json_error_t()
        let loaded: UnsafeMutablePointer<json_t>?
        if let contiguous = bytes.withContiguousStorageIfAvailable({ loadBuffer(UnsafeRawBufferPointer($0), flags, &error) }) {
            loaded = contiguous
        } else {
            loaded = Array(bytes).withUnsafeBytes { loadBuffer($0, flags, &error) }
        }
        guard let loaded else { throw JanssonError(error) }
        return JanssonReference(owning: loaded)
    }

    private static func loadBuffer(_ buffer: UnsafeRawBufferPointer, _ flags: Int,
                                   _ error: inout json_error_t) -> UnsafeMutablePointer<json_t>? {
        // An empty buffer may have no address, and jansson refuses a NULL buffer even with length 0.
        guard let base = buffer.baseAddress else { return json_loadb("", 0, flags, &error) }
        return json_loadb(base.assumingMemoryBound(to: CChar.self), buffer.count, flags, &error)
    }
}
