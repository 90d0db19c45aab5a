internal import CVectorscan

/// A set of patterns compiled once by Vectorscan for block-mode scanning (each input scanned whole).
///
/// Compiling is slow (milliseconds to seconds for large sets); scanning is fast. Build one database per
/// pattern set at startup and share it: scanning needs a `Scratch` per concurrent caller, made from the
/// database or cloned from another scratch.
public final class PatternDatabase: @unchecked Sendable {
    // Why @unchecked Sendable is safe: a compiled `hs_database_t` is never written after `hs_compile_multi`
    // returns; Vectorscan's scan functions take it as `const` and keep all mutable state in the caller's
    // scratch, so any number of threads may scan with it at once (Hyperscan's documented usage model). The
    // stored properties are `let` and themselves Sendable, and the pointer is freed only by `deinit`, which
    // runs after the last reference (every scratch holds one) is gone.

    /// `hs_database_t *`.
    let pointer: OpaquePointer
    /// The patterns, in the order given; a match's id refers to these.
    public let patterns: [Pattern]

    /// Compiles `patterns` for block mode, for the CPU this process runs on.
    ///
    /// Throws a `PatternCompileError` naming the first pattern Vectorscan rejected, with its message.
    public convenience init(_ patterns: [Pattern]) throws(PatternCompileError) {
        for (index, pattern) in patterns.enumerated() where pattern.expression.utf8.contains(0) {
            // The expression is passed as a C string; a NUL would silently cut it short.
            throw PatternCompileError(patterns: patterns, index: index, message: "expression contains a NUL byte")
        }
        guard patterns.count <= Int(UInt32.max) else {
            throw PatternCompileError(patterns: patterns, index: nil, message: "too many patterns")
        }
        let flags = patterns.map(\.flags.rawValue)
        let ids = patterns.map(\.id)
        var database: OpaquePointer?
        var compileError: UnsafeMutablePointer<hs_compile_error_t>?
        let result = withCStrings(patterns.map(\.expression)) { expressions in
            hs_compile_multi(expressions, flags, ids, UInt32(patterns.count), UInt32(HS_MODE_BLOCK), nil,
                             &database, &compileError)
        }
        guard result == HS_SUCCESS, let database else {
            var index: Int?
            var message = "error \(result)"
            if let compileError {
                // `expression` is negative when the failure is not specific to one pattern.
                index = compileError.pointee.expression >= 0 ? Int(compileError.pointee.expression) : nil
                message = compileError.pointee.message.map { String(cString: $0) } ?? message
                hs_free_compile_error(compileError)
            }
            throw PatternCompileError(patterns: patterns, index: index, message: message)
        }
        self.init(pointer: database, patterns: patterns)
    }

    /// Takes ownership of a compiled or deserialized `hs_database_t`.
    init(pointer: OpaquePointer, patterns: [Pattern]) {
        self.pointer = pointer
        self.patterns = patterns
    }

    deinit {
        hs_free_database(pointer)
    }

    /// The compiled database's size in bytes, a measure of how costly the pattern set is.
    public var sizeInBytes: Int {
        var size = 0
        return hs_database_size(pointer, &size) == HS_SUCCESS ? size : 0
    }

    /// The Vectorscan library's version and build date, e.g. "5.4.9 2023-03-06".
    public static var libraryVersion: String {
        String(cString: hs_version())
    }
}
