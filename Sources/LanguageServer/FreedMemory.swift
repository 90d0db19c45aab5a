#if canImport(Glibc)
import Glibc
#endif

/// Hands memory freed by background work back to the kernel.
///
/// Signing, tokenizing and aggregating a large document make hundreds of megabytes of short-lived arrays on threads
/// of their own; glibc keeps what they free in those threads' arenas, so the server's resident size would stay at
/// the peak of the last burst of work instead of what it holds. `malloc_trim` returns the free pages of every arena
/// (a few milliseconds), once a burst of background work is over.
enum FreedMemory {
    static func release() {
        #if canImport(Glibc)
        // Declared in <malloc.h>, which Swift's Glibc module does not include: looked up instead.
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
