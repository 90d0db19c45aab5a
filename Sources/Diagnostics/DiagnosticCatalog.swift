/// Every code datalint can report, with its documented default severity. Stages register their families here
/// so that the CLI, the docs check and the language server share one source of truth.
public struct DiagnosticCatalog: Sendable {
    public private(set) var descriptors: [DiagnosticCode: CodeDescriptor] = [:]

    public init(_ families: [[CodeDescriptor]] = []) {
        for family in families { register(family) }
    }

    public mutating func register(_ family: [CodeDescriptor]) {
        for descriptor in family { descriptors[descriptor.code] = descriptor }
    }

    public func descriptor(for code: DiagnosticCode) -> CodeDescriptor? { descriptors[code] }

    public var allCodes: [DiagnosticCode] { descriptors.keys.sorted() }

    /// True when a selector (a family, `family/` prefix or code) names at least one known code.
    public func isKnownSelector(_ selector: String) -> Bool {
        descriptors.keys.contains { $0.matches(selector: selector) }
    }
}
