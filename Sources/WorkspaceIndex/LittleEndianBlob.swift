/// Arrays of integers stored as blobs, little-endian whatever the machine, so an index written on one machine
/// reads the same on any other (the file can be shared or cached). An empty array is stored as NULL: "none".
enum LittleEndianBlob {
    static func encode<Value: FixedWidthInteger>(_ values: [Value]) -> [UInt8]? {
        guard !values.isEmpty else { return nil }
        #if _endian(little)
        // The in-memory bytes already are the stored form: one copy, no per-value work.
        return values.withUnsafeBytes { Array($0) }
        #else
        return values.map(\.littleEndian).withUnsafeBytes { Array($0) }
        #endif
    }

    /// Trailing bytes that do not make a whole value (a damaged blob) are ignored rather than trusted.
    static func decode<Value: FixedWidthInteger>(_ bytes: [UInt8]?, as _: Value.Type = Value.self) -> [Value] {
        guard let bytes, bytes.count >= MemoryLayout<Value>.size else { return [] }
        let count = bytes.count / MemoryLayout<Value>.size
        return [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                for index in 0..<count {
                    buffer[index] = Value(littleEndian: raw.loadUnaligned(fromByteOffset: index * MemoryLayout<Value>.size,
                                                                          as: Value.self))
                }
            }
            initialized = count
        }
    }
}
