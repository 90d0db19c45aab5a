import RecordTokens
import StageKit
import Synchronization
import Tokenization

/// The tokenizer of one encoding, loaded the first time a record is counted (so that a check that never runs the
/// `length` stage does not read the rank file), and a counter per thread over it.
///
/// `check(_:into:)` is called from many threads on one stage value; a tokenizer session holds matching state and
/// must not be shared. A thread runs one synchronous check at a time, so a counter per thread is never shared.
public final class TokenCounters: Sendable {
    public let encoding: BPEEncoding
    private let loaded: Mutex<BPETokenizer??> = Mutex(nil)
    private let load: @Sendable (BPEEncoding) -> BPETokenizer?

    /// Counters for `encoding`; `load` finds its rank file (by default in the usual places; nil: estimate).
    public init(encoding: BPEEncoding,
                load: @escaping @Sendable (BPEEncoding) -> BPETokenizer? = { try? BPETokenizer(encoding: $0) }) {
        self.encoding = encoding
        self.load = load
    }

    /// Counters sharing an already loaded tokenizer (nil: estimated counts).
    public convenience init(tokenizer: BPETokenizer?, encoding: BPEEncoding = .cl100kBase) {
        self.init(encoding: tokenizer?.encoding ?? encoding, load: { _ in tokenizer })
    }

    public var tokenizer: BPETokenizer? {
        loaded.withLock { state in
            if let state { return state }
            let tokenizer = load(encoding)
            state = .some(tokenizer)
            return tokenizer
        }
    }

    /// True when counts are estimates: the encoding's rank file is not installed.
    public var isApproximate: Bool { tokenizer == nil }

    /// The calling thread's counter.
    public func current() -> RecordTokenCounter {
        let slot = ThreadCounters.perThread.current
        let identity = ObjectIdentifier(self)
        if let entry = slot.counters[identity] { return entry.counter }
        let counter = RecordTokenCounter(tokenizer: tokenizer, encoding: encoding)
        slot.counters[identity] = (self, counter)
        return counter
    }
}

/// A thread's counters, each with the `TokenCounters` it counts for, kept alive so that its identity is not reused
/// by another (a stage made again for new settings brings new counters; the old stay until the thread exits).
private final class ThreadCounters {
    var counters: [ObjectIdentifier: (owner: TokenCounters, counter: RecordTokenCounter)] = [:]

    static let perThread = ThreadLocal { ThreadCounters() }
}
