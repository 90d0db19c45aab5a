import Diagnostics

/// Checks the code selectors users write in `select`, `ignore` and `[severity]`: a code (`format/unknown-key`),
/// a family (`format`) or a prefix (`format/`). With a catalog, a selector must also name a code that exists, so
/// a misspelt `ignore` entry is an error instead of silently ignoring nothing.
struct DiagnosticSelectorCheck: Sendable {
    let catalog: DiagnosticCatalog?

    /// The message for an unacceptable selector; `place` says where it was written ("in 'select'").
    func problem(with selector: String, place: String) -> String? {
        guard Self.isWellFormed(selector) else {
            return "'\(selector)' \(place) is not a diagnostic code (format/unknown-key), family (format) "
                + "or prefix (format/)"
        }
        guard let catalog, !catalog.isKnownSelector(selector) else { return nil }
        let isCode = selector.contains("/") && !selector.hasSuffix("/")
        let suggestion = NameSuggestion.clause(for: selector, among: candidates(in: catalog, likeSelector: selector))
        return "unknown diagnostic \(isCode ? "code" : "family") '\(selector)' \(place)\(suggestion)"
    }

    /// Lowercase words of letters, digits, `-`, `_` and `.`, separated by single slashes, optionally ending in one.
    static func isWellFormed(_ selector: String) -> Bool {
        let words = selector.split(separator: "/", omittingEmptySubsequences: false)
        let isPrefix = selector.hasSuffix("/")
        let named = isPrefix ? words.dropLast() : words[...]
        return !named.isEmpty && named.allSatisfy { word in
            !word.isEmpty && word.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || "-_.".contains($0) }
        }
    }

    private func candidates(in catalog: DiagnosticCatalog, likeSelector selector: String) -> [String] {
        let families = Set(catalog.allCodes.map(\.family)).sorted()
        if selector.hasSuffix("/") { return families.map { $0 + "/" } }
        return families + catalog.allCodes.map(\.rawValue)
    }
}
