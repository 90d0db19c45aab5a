#if canImport(Glibc)
import Glibc
#endif

/// Keeps glibc's allocator from handing chunk buffers back to the kernel while a file is checked in parallel.
///
/// Each chunk is a fresh buffer of about 1 MiB that a worker frees once it has checked it. With several chunks
/// in flight, freeing one often leaves more than glibc's trim threshold (2 MiB once its thresholds have adapted
/// to 1 MiB blocks) free at the top of a heap, so glibc returns those pages to the kernel, and the next chunk's
/// `read` faults them back in: about 60,000 page faults and a fifth of the wall time on a 370 MB file with two
/// jobs. (One job frees each buffer before the next is allocated, so it never crosses the threshold.)
///
/// Raising the trim threshold to 64 MiB, and fixing the mmap threshold at 32 MiB so that chunk buffers come from
/// the heap rather than from `mmap`, keeps at most that much freed memory mapped: memory stays bounded, and
/// chunk buffers are reused. The setting is process-wide, so it is applied only for parallel checks (the CLI's
/// `--jobs 2` and up), once. Other C libraries have their own allocators and nothing to tune here.
enum AllocatorTuning {
    static func prepareForParallelChunks() {
        _ = applied
    }

    private static let applied: Bool = {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which Swift's Glibc module does not include: look it up instead.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        return mallopt(trimThreshold, 64 << 20) == 1 && mallopt(mmapThreshold, 32 << 20) == 1
        #else
        return false
        #endif
    }()
}
