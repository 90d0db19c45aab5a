import CShapePrefilter

/// The regions of a text (a window of lines) where digits and hex separators cluster: where shaped triggers can
/// match.
///
/// The SIMD prefilter reads 64 bytes at a time and costs a few percent of a Vectorscan scan with the shaped
/// triggers; those then run on the regions alone, which in chat text are a small share of the bytes.
struct ShapeRegions {
    /// Room for the regions of a 64 KB window of PII-dense text; beyond it the last region reaches to the end of
    /// the text, which costs time, never a match.
    private var buffer: [shape_region] = Array(repeating: shape_region(start: 0, end: 0), count: 1024)
    private(set) var count = 0

    /// The ways to find regions. Tests compare them: each must find the same regions.
    enum Implementation {
        /// AVX-512 where the CPU has it, else portable.
        case native
        /// The path of CPUs without AVX-512, whatever this one has.
        case portable
        /// The portable path testing every block in full, without skipping the quiet ones first.
        case unscreened
    }

    /// Finds the regions of `text`; read them with `region(_:)`.
    mutating func find(in text: UnsafeRawBufferPointer, using implementation: Implementation = .native) {
        guard let base = text.baseAddress, !text.isEmpty else {
            count = 0
            return
        }
        let capacity = buffer.count
        let find = switch implementation {
        case .native: shape_prefilter_find
        case .portable: shape_prefilter_find_portable
        case .unscreened: shape_prefilter_find_unscreened
        }
        count = buffer.withUnsafeMutableBufferPointer { regions in
            find(base.assumingMemoryBound(to: UInt8.self), text.count, regions.baseAddress!, capacity)
        }
    }

    func region(_ index: Int) -> Range<Int> {
        Int(buffer[index].start)..<Int(buffer[index].end)
    }
}
