#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value per thread, made the first time a thread asks for it and released when the thread exits.
///
/// A stage's `check(_:into:)` is synchronous and called from many tasks on one shared stage value; scratch state
/// (a Vectorscan scratch, a tokenizer session) must never be used by two calls at once. A thread runs one
/// synchronous call at a time and a task never changes thread inside one, so a value per thread is never shared,
/// and, unlike a locked pool, costs nothing per record but a `pthread_getspecific`.
///
/// Each instance takes one of the process's few thread-local keys (`PTHREAD_KEYS_MAX`) for good: keep instances in
/// `static let`s.
public final class ThreadLocal<Value: AnyObject>: Sendable {
    private let key: pthread_key_t
    private let make: @Sendable () -> Value

    public init(_ make: @escaping @Sendable () -> Value) {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { pointer in
            #if canImport(Darwin)
            Unmanaged<AnyObject>.fromOpaque(pointer).release()
            #else
            if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
            #endif
        }
        precondition(status == 0, "pthread_key_create failed: \(status)")
        self.key = key
        self.make = make
    }

    /// The calling thread's value.
    public var current: Value {
        // Typed, not through AnyObject: a dynamic cast per call would cost more than some stages' checks. (The
        // destructor releases through AnyObject: releasing needs no type.)
        if let existing = pthread_getspecific(key) {
            return Unmanaged<Value>.fromOpaque(existing).takeUnretainedValue()
        }
        let fresh = make()
        pthread_setspecific(key, Unmanaged<Value>.passRetained(fresh).toOpaque())
        return fresh
    }
}
