import CPCRE2

/// Something PCRE2 refused: a pattern that does not compile, or a match that stopped with an error.
public struct PatternError: Error, Equatable, CustomStringConvertible {
    /// PCRE2's (negative) error code.
    public let code: Int32
    /// PCRE2's own words for `code`.
    public let message: String
    /// For a pattern that does not compile, the byte offset in the pattern where PCRE2 gave up.
    public let patternOffset: Int?

    init(code: Int32, patternOffset: Int? = nil) {
        self.code = code
        self.message = PatternError.message(for: code)
        self.patternOffset = patternOffset
    }

    public var description: String {
        if let patternOffset { return "PCRE2 error \(code) at pattern offset \(patternOffset): \(message)" }
        return "PCRE2 error \(code): \(message)"
    }

    private static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer {
            pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
        }
        guard length > 0 else { return "unknown error" }
        return String(decoding: buffer[..<Int(length)], as: UTF8.self)
    }
}

/// A regular expression compiled by PCRE2 for UTF-8 text with Unicode properties (`PCRE2_UTF | PCRE2_UCP`), and
/// JIT-compiled when the platform allows.
///
/// PCRE2 is here because tiktoken's pre-tokenization patterns need what Swift's and Foundation's regular
/// expressions either lack or run slowly: possessive quantifiers, lookahead, `\p{…}` classes, byte offsets into
/// UTF-8. The compiled code is only read while matching, which PCRE2 documents as safe from many threads at once;
/// everything a match writes lives in a `PatternMatcher`, one per thread.
final class CompiledPattern: @unchecked Sendable {
    // @unchecked: `code` is written only by `init` (compile and JIT compile) and freed by `deinit`; between the
    // two, PCRE2 only reads it, and concurrent matching with one compiled pattern is supported by PCRE2.
    let code: OpaquePointer
    /// Whether the JIT compiled the pattern; without it matching falls back to PCRE2's interpreter.
    let isJITCompiled: Bool

    /// Compiles `pattern` with `PCRE2_UTF | PCRE2_UCP` plus `extraOptions` (PCRE2 compile option bits).
    init(_ pattern: String, extraOptions: UInt32 = 0) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let options = UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP) | extraOptions
        let compiled: OpaquePointer? = Array(pattern.utf8).withUnsafeBufferPointer { bytes in
            pcre2_compile_8(bytes.baseAddress, bytes.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else { throw PatternError(code: errorCode, patternOffset: errorOffset) }
        code = compiled
        isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    deinit { pcre2_code_free_8(code) }
}

/// The state one thread needs to run a `CompiledPattern` over and over: PCRE2's match data, a match context with
/// no match limit, and (only once a match has needed it) a larger JIT stack.
///
/// Keeping these between calls is what makes per-record matching cheap: creating match data allocates, and a
/// JIT stack maps memory. A matcher must not be shared between threads; make one per task.
final class PatternMatcher {
    let pattern: CompiledPattern
    private let matchData: OpaquePointer
    private let matchContext: OpaquePointer
    private var jitStack: OpaquePointer?

    /// The JIT stack tried after the default one (32 KiB on the machine stack) ran out. tiktoken's patterns hold
    /// no nested repeats, so this is a safety net, not an expected path.
    private static let largeJITStack = (start: 256 << 10, maximum: 64 << 20)

    init(_ pattern: CompiledPattern) {
        self.pattern = pattern
        // One pair of offsets is enough: only the whole match is read, never a group. Both allocations are a
        // few hundred bytes; failing them means the process is out of memory.
        guard let matchData = pcre2_match_data_create_8(1, nil), let matchContext = pcre2_match_context_create_8(nil)
        else { fatalError("PCRE2 could not allocate match data") }
        self.matchData = matchData
        self.matchContext = matchContext
        // The default match limit (ten million backtracks) is in reach of a long run of white space, which every
        // tiktoken pattern scans with a backtracking `\s*[\r\n]`; the work stays linear in the run, so no limit
        // is needed to stop a runaway pattern.
        pcre2_set_match_limit_8(matchContext, UInt32.max)
        pcre2_set_depth_limit_8(matchContext, UInt32.max)
        // Only the interpreter (where the JIT is unavailable) uses heap frames; let it have what it needs.
        pcre2_set_heap_limit_8(matchContext, UInt32.max)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(matchContext)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    /// Calls `body` with the byte range (`start`, `end`) of each successive non-overlapping match in `text`, which
    /// must be valid UTF-8 (PCRE2 is told not to check it again; Swift strings always are).
    ///
    /// The search goes on from the end of each match, as tiktoken's `find_iter` does, so bytes that no
    /// alternative matches are skipped. An empty match moves the search on by one character (tiktoken's patterns never
    /// match empty text; an empty match at the very end of the text is not reported).
    func forEachMatch(inValidUTF8 text: UnsafeRawBufferPointer, _ body: (Int, Int) -> Void) throws(PatternError) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        let subject = base.assumingMemoryBound(to: UInt8.self)
        let length = text.count
        var offset = 0
        while offset < length {
            let result = match(subject, length: length, from: offset)
            if result == PCRE2_ERROR_NOMATCH { return }
            if result < 0 { throw PatternError(code: result) }
            let ovector = pcre2_get_ovector_pointer_8(matchData)!
            let start = ovector[0]
            let end = ovector[1]
            body(start, end)
            if end > start {
                offset = end
            } else {
                offset = end + 1
                while offset < length && subject[offset] & 0xC0 == 0x80 { offset += 1 }
            }
        }
    }

    /// One match attempt from `offset`, retried once with a large JIT stack if the default one was too small.
    private func match(_ subject: UnsafePointer<UInt8>, length: Int, from offset: Int) -> Int32 {
        let options = UInt32(PCRE2_NO_UTF_CHECK)
        // The JIT entry point skips pcre2_match's checks of its arguments, which are known good here.
        var result = pattern.isJITCompiled
            ? pcre2_jit_match_8(pattern.code, subject, length, offset, options, matchData, matchContext)
            : pcre2_match_8(pattern.code, subject, length, offset, options, matchData, matchContext)
        if result == PCRE2_ERROR_JIT_STACKLIMIT && jitStack == nil && pattern.isJITCompiled {
            let sizes = Self.largeJITStack
            guard let stack = pcre2_jit_stack_create_8(sizes.start, sizes.maximum, nil) else { return result }
            jitStack = stack
            pcre2_jit_stack_assign_8(matchContext, nil, UnsafeMutableRawPointer(stack))
            result = pcre2_jit_match_8(pattern.code, subject, length, offset, options, matchData, matchContext)
        }
        return result
    }

    /// The byte ranges of all matches in `text`, for tests and diagnostics.
    func matches(in text: String) throws(PatternError) -> [Range<Int>] {
        var text = text
        var ranges: [Range<Int>] = []
        var failure: PatternError?
        text.withUTF8 { bytes in
            do throws(PatternError) {
                try forEachMatch(inValidUTF8: UnsafeRawBufferPointer(bytes)) { ranges.append($0..<$1) }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return ranges
    }
}
