internal import CVectorscan

extension PatternDatabase {
    /// The database as bytes that `init(deserializing:patterns:)` turns back into it, in this or another process
    /// with the same Vectorscan on the same kind of CPU. Nil when Vectorscan cannot serialize it.
    public func serialized() -> [UInt8]? {
        var bytes: UnsafeMutablePointer<CChar>?
        var length = 0
        guard hs_serialize_database(pointer, &bytes, &length) == HS_SUCCESS, let bytes else { return nil }
        defer { free(bytes) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }

    /// A database from bytes that `serialized()` made for `patterns`. Nil when Vectorscan rejects them (another
    /// version, another platform, damaged bytes). Whether the bytes were made for these very patterns is the
    /// caller's to know: Vectorscan cannot tell.
    public convenience init?(deserializing bytes: [UInt8], patterns: [Pattern]) {
        var database: OpaquePointer?
        let result = bytes.withUnsafeBytes { buffer in
            hs_deserialize_database(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), buffer.count, &database)
        }
        guard result == HS_SUCCESS, let database else { return nil }
        self.init(pointer: database, patterns: patterns)
    }

    /// What a serialized database depends on besides its patterns: the library and the CPU it was compiled for.
    static var platformDescription: String {
        var platform = hs_platform_info_t()
        _ = hs_populate_platform(&platform)
        return "\(libraryVersion) tune \(platform.tune) features \(platform.cpu_features)"
    }
}
