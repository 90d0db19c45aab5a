import CShapePrefilter

/// The regions of a line where digits and hex separators cluster: where shaped triggers can match.
///
/// The SIMD prefilter reads 64 bytes at a time and costs a few percent of a Vectorscan scan with the shaped
/// triggers; those then run on the regions alone, which in chat text are a small share of the bytes.
struct ShapeRegions {
    private var buffer: [shape_region] = Array(repeating: shape_region(start: 0, end: 0), count: 64)
    private(set) var count = 0

    /// Finds the regions of `line`; read them with `region(_:)`. `portable` takes the path of CPUs without
    /// AVX-512 whatever this one has (for tests).
    mutating func find(in line: UnsafeRawBufferPointer, portable: Bool = false) {
        guard let base = line.baseAddress, !line.isEmpty else {
            count = 0
            return
        }
        let capacity = buffer.count
        let find = portable ? shape_prefilter_find_portable : shape_prefilter_find
        count = buffer.withUnsafeMutableBufferPointer { regions in
            find(base.assumingMemoryBound(to: UInt8.self), line.count, regions.baseAddress!, capacity)
        }
    }

    func region(_ index: Int) -> Range<Int> {
        Int(buffer[index].start)..<Int(buffer[index].end)
    }
}
