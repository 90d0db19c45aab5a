/// What the index keeps of one record: hashes only, never the record's text, so the index can be shared,
/// cached and kept around without holding anyone's personal data.
public struct IndexedRecord: Sendable, Equatable {
    /// 0-based line in its file.
    public var line: Int
    /// Hash of the whole record after normalization: equal hashes are exact duplicates.
    public var exactHash: UInt64
    /// Hash of the prompt part alone (nil for records without one): equal prompts with different records are
    /// conflicting answers.
    public var promptHash: UInt64?
    /// MinHash locality-sensitive band keys: records sharing a band key are near-duplicate candidates.
    public var bandKeys: [UInt64]
    /// The MinHash signature the band keys were cut from (empty when not kept). A candidate found through a
    /// shared band in another file is verified by comparing signatures, without reading that file again.
    public var signature: [UInt32]
    /// The length of the record's line in UTF-8 bytes and in UTF-16 code units (LSP's unit), so a diagnostic
    /// raised in another file can point at the whole of this record without reading this file.
    public var utf8Length: Int
    public var utf16Length: Int

    public init(line: Int, exactHash: UInt64, promptHash: UInt64?, bandKeys: [UInt64], signature: [UInt32] = [],
                utf8Length: Int = 0, utf16Length: Int = 0) {
        self.line = line
        self.exactHash = exactHash
        self.promptHash = promptHash
        self.bandKeys = bandKeys
        self.signature = signature
        self.utf8Length = utf8Length
        self.utf16Length = utf16Length
    }
}

/// A record of an indexed file, as a query finds it.
public struct IndexedLocation: Sendable, Hashable {
    public let file: String
    public let line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}

/// When a file was indexed: a file whose size, modification time and content hash still match need not be read.
public struct FileFingerprint: Sendable, Equatable {
    public var size: Int64
    public var modificationTime: Int64
    public var contentHash: UInt64

    public init(size: Int64, modificationTime: Int64, contentHash: UInt64) {
        self.size = size
        self.modificationTime = modificationTime
        self.contentHash = contentHash
    }
}
