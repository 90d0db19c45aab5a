/// A record of the file asked about that has an equal hash in another file. It carries the other record's
/// lengths so the caller can point a diagnostic at the whole of it without opening that file.
public struct IndexMatch: Sendable, Hashable {
    /// 0-based line in the file asked about.
    public let line: Int
    /// Where the equal record is: always another file.
    public let other: IndexedLocation
    public let otherUTF8Length: Int
    public let otherUTF16Length: Int

    public init(line: Int, other: IndexedLocation, otherUTF8Length: Int, otherUTF16Length: Int) {
        self.line = line
        self.other = other
        self.otherUTF8Length = otherUTF8Length
        self.otherUTF16Length = otherUTF16Length
    }
}

/// A record of the file asked about and a record of another file that share at least one band key: possibly
/// near duplicates. Sharing a band is only a hint, so both signatures come along for the caller to estimate
/// their Jaccard similarity and keep the pair only above its threshold.
public struct NearCandidate: Sendable, Hashable {
    /// 0-based line in the file asked about.
    public let line: Int
    public let other: IndexedLocation
    public let otherUTF8Length: Int
    public let otherUTF16Length: Int
    /// The signature of the record at `line` (empty when it was indexed without one).
    public let signature: [UInt32]
    /// The signature of the record at `other` (empty when it was indexed without one).
    public let otherSignature: [UInt32]

    public init(line: Int, other: IndexedLocation, otherUTF8Length: Int, otherUTF16Length: Int,
                signature: [UInt32], otherSignature: [UInt32]) {
        self.line = line
        self.other = other
        self.otherUTF8Length = otherUTF8Length
        self.otherUTF16Length = otherUTF16Length
        self.signature = signature
        self.otherSignature = otherSignature
    }
}
