import Hashing

/// Turns a signature into one 64-bit key per band; records sharing any key are near-duplicate candidates.
///
/// A band key is XXH3-64, seeded with the band index, of the band's r values as little-endian 32-bit integers,
/// so equal rows in different bands never collide by construction and the keys are reproducible by any XXH3
/// implementation. These keys are what the workspace index stores (`IndexedRecord.bandKeys`).
public struct LSHBands: Sendable, Hashable {
    public let parameters: BandParameters

    public init(_ parameters: BandParameters) {
        self.parameters = parameters
    }

    /// Bands chosen for `threshold` with signatures of `hashCount` values (`BandParameters.choose`).
    public init(threshold: Double, hashCount: Int) {
        self.init(BandParameters.choose(threshold: threshold, hashCount: hashCount))
    }

    /// The key of every band of `signature`, band 0 first.
    public func keys(of signature: MinHashSignature) -> [UInt64] {
        var scratch = [UInt8](repeating: 0, count: parameters.rows * 4)
        return (0..<parameters.bands).map { key(ofBand: $0, of: signature, scratch: &scratch) }
    }

    /// The key of one band; `scratch` (rows × 4 bytes) is reused so a record costs one allocation, not one per
    /// band.
    func key(ofBand band: Int, of signature: MinHashSignature, scratch: inout [UInt8]) -> UInt64 {
        let rows = parameters.rows
        precondition(signature.values.count >= parameters.bands * rows, "signature shorter than the bands")
        for row in 0..<rows {
            let value = signature.values[band * rows + row]
            for byte in 0..<4 {
                scratch[row * 4 + byte] = UInt8(truncatingIfNeeded: value >> (8 * byte))
            }
        }
        return XXH3.hash64(scratch, seed: UInt64(band))
    }
}
