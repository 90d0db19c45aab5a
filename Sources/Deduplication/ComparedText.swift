import NearDuplicates
import RecordScanner
import TextNormalization

/// What two records are compared on: the text they carry, as shingles.
///
/// A record's text is every string value (not the keys), in document order, joined by line breaks, so records of
/// one schema that say the same thing compare equal however their JSON is laid out; it is normalized (Unicode
/// NFC, case folding, white space collapsed) and cut into 5-word shingles.
public struct ComparedText: Sendable {
    public let normalizer: Normalizer
    public let shingler: Shingler

    public init(normalizer: Normalizer = Normalizer(), shingler: Shingler = Shingler(.words(5))) {
        self.normalizer = normalizer
        self.shingler = shingler
    }

    /// The normalized text of a valid record.
    public func text(of record: ParsedRecord) -> [UInt8] {
        var joined: [UInt8] = []
        for node in record.stringValueNodes() {
            if !joined.isEmpty { joined.append(0x0A) }
            joined.append(contentsOf: record.decodedBytes(node))
        }
        return normalizer.normalize(joined)
    }

    /// The hashes of the record's shingles (repeats included).
    public func shingles(of record: ParsedRecord) -> [UInt64] {
        shingler.hashes(of: text(of: record))
    }
}
