import Checker
import DatasetIO

/// A dataset reader that lets the run watch how far it got (for the progress bar) and keeps the read error,
/// which the checker would otherwise see as just another error.
struct ObservedDatasetReader: RecordChunkSource {
    var reader: DatasetReader
    let totalBytes: Int?
    private(set) var bytesRead = 0
    let onChunk: (_ bytesRead: Int, _ totalBytes: Int?) -> Void

    mutating func nextChunk() throws -> (bytes: [UInt8], firstLine: Int)? {
        let chunk = try reader.nextChunk()
        bytesRead += chunk?.bytes.count ?? 0
        onChunk(bytesRead, totalBytes)
        return chunk
    }
}
