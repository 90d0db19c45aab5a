internal import CPSL

/// The Public Suffix List (https://publicsuffix.org): which names are suffixes under which anyone can
/// register a domain ("com", "co.uk", "github.io"), and so which part of a host name is its registrable
/// domain ("example.co.uk" in "a.b.example.co.uk").
///
/// Lookups follow the PSL algorithm, including its implicit `*` rule: a top-level label the list does not
/// know ("test", "local", "json") is itself treated as a public suffix. `hasListedSuffix(_:)` tells those
/// apart when it matters.
public final class PublicSuffixList: @unchecked Sendable {
    // Why @unchecked Sendable is safe: a `psl_ctx_t` is never modified after it is loaded; every lookup
    // takes it as `const` and keeps its working state on the stack or in memory it frees before returning
    // (punycode conversion via libidn2 is reentrant). The pointer is `let`, and freed only in `deinit`.

    /// `psl_ctx_t *`.
    private let context: OpaquePointer
    /// Where the rules came from.
    public let source: Source

    /// Where a list's rules came from.
    public enum Source: Sendable, Equatable {
        /// Compiled into libpsl when it was built (see `PublicSuffixList.builtInData`).
        case builtIn
        /// The newest of the distribution's copies of the list (`psl_dist_filename()` or the built-in data's
        /// source file), which libpsl found newer than the built-in data. libpsl does not say which one.
        case distribution
        /// Loaded from a file given by path.
        case file(String)
    }

    /// The list compiled into libpsl. Always available, and the same on every run of a given libpsl build,
    /// which keeps lint results reproducible; its age is `builtInData.modificationTime`.
    public static let builtIn = PublicSuffixList(context: psl_builtin(), source: .builtIn)

    /// Whichever is newest of the built-in list and the distribution's copies of it (on Debian
    /// /usr/share/publicsuffix/public_suffix_list.{dafsa,dat}, from the `publicsuffix` package, which can be
    /// updated without rebuilding libpsl). Falls back to `builtIn`.
    public static let latest: PublicSuffixList = {
        guard let context = psl_latest(nil) else { return builtIn }
        if context == psl_builtin() { return builtIn }
        return PublicSuffixList(context: context, source: .distribution)
    }()

    /// Loads a list from a file in the PSL's text format or libpsl's DAFSA format, e.g. a fresh copy of
    /// https://publicsuffix.org/list/public_suffix_list.dat.
    public init(contentsOf path: String) throws(PublicSuffixListError) {
        guard let context = psl_load_file(path) else { throw PublicSuffixListError.cannotLoad(path: path) }
        self.context = context
        self.source = .file(path)
    }

    private init(context: OpaquePointer, source: Source) {
        self.context = context
        self.source = source
    }

    deinit {
        // psl_free ignores the built-in context, which is static data.
        psl_free(context)
    }

    /// The number of rules, or nil for lists loaded from DAFSA files (which do not record it).
    public var ruleCount: Int? {
        let count = psl_suffix_count(context)
        return count >= 0 ? Int(count) : nil
    }

    /// Which rules a lookup considers.
    public enum Section: Sendable {
        /// Every rule.
        case any
        /// Only the ICANN section: suffixes delegated by registries ("com", "co.uk").
        case icann
        /// Only the private section: suffixes run by companies for their customers ("github.io").
        case privateDomains
    }

    /// Whether `domain` is a public suffix in `section`. False for anything that is not a valid domain name.
    public func isPublicSuffix(_ domain: String, in section: Section = .any) -> Bool {
        guard let name = try? DomainName(domain) else { return false }
        return isPublicSuffix(name, in: section)
    }

    /// Whether `name` is a public suffix in `section`.
    public func isPublicSuffix(_ name: DomainName, in section: Section = .any) -> Bool {
        let type = switch section {
        case .any: PSL_TYPE_ANY
        case .icann: PSL_TYPE_ICANN
        case .privateDomains: PSL_TYPE_PRIVATE
        }
        return psl_is_public_suffix2(context, name.text, type) != 0
    }

    /// The registrable domain of `domain`: its public suffix plus one more label ("example.co.uk" for
    /// "a.b.example.co.uk"), lower-cased. Nil when `domain` is itself a public suffix or not a valid name.
    public func registrableDomain(of domain: String) -> String? {
        guard let name = try? DomainName(domain) else { return nil }
        return registrableDomain(of: name)
    }

    /// The registrable domain of `name`, or nil when `name` is itself a public suffix.
    public func registrableDomain(of name: DomainName) -> String? {
        suffix(of: name) { psl_registrable_domain(context, $0) }
    }

    /// The longest public suffix of `domain` ("co.uk" for "a.b.example.co.uk"), lower-cased; nil when
    /// `domain` is not a valid name.
    public func publicSuffix(of domain: String) -> String? {
        guard let name = try? DomainName(domain) else { return nil }
        return publicSuffix(of: name)
    }

    /// The longest public suffix of `name`.
    public func publicSuffix(of name: DomainName) -> String? {
        suffix(of: name) { psl_unregistrable_domain(context, $0) }
    }

    /// Whether the public suffix of `domain` comes from a rule in the list, rather than from the implicit `*`
    /// rule that makes any unknown top-level label a suffix. False for "build.local", "config.json",
    /// "foo.test", and anything that is not a valid name: a cheap test that a candidate in free text can be a
    /// real Internet domain at all.
    public func hasListedSuffix(_ domain: String) -> Bool {
        guard let name = try? DomainName(domain), let suffix = publicSuffix(of: name) else { return false }
        return psl_is_public_suffix2(context, suffix, PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) != 0
    }

    /// Calls a libpsl function that returns a pointer into its argument (or NULL) and turns that pointer into
    /// the rest of `name`.
    private func suffix(of name: DomainName,
                        _ lookup: (UnsafePointer<CChar>) -> UnsafePointer<CChar>?) -> String? {
        let start: Int? = name.text.withCString { text in
            lookup(text).map { text.distance(to: $0) }
        }
        guard let start else { return nil }
        return String(name.text.utf8.dropFirst(start))
    }
}
