/// Calls `body` with NUL-terminated copies of `values`, laid out as the `const char *const *` array C APIs
/// take; the copies are freed when `body` returns.
///
/// `String.withCString` lends one string at a time, and compiling a pattern set needs all of them at once.
/// A closure (rather than an owning object) makes it impossible to use the pointers after they are freed.
func withCStrings<Result, Failure: Error>(
    _ values: [String], _ body: ([UnsafePointer<CChar>?]) throws(Failure) -> Result
) throws(Failure) -> Result {
    let copies = values.map { value in
        let bytes = value.utf8
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        for (offset, byte) in bytes.enumerated() {
            (copy + offset).initialize(to: CChar(bitPattern: byte))
        }
        (copy + bytes.count).initialize(to: 0)
        return copy
    }
    defer {
        for copy in copies {
            copy.deallocate()
        }
    }
    return try body(copies.map { UnsafePointer($0) })
}
