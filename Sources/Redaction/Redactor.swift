/// Replaces sensitive values according to a strategy. One redactor serves a whole dataset: with `.hash` and
/// `.synthetic`, the same value always gets the same replacement, so records that shared a value still do.
public struct Redactor: Sendable {
    public let strategy: RedactionStrategy
    private let digest: KeyedDigest

    /// `key` keys the hash and the synthetic values: keep it secret and stable for a dataset (a project setting),
    /// and replacements stay consistent across runs without revealing the values.
    public init(strategy: RedactionStrategy, key: [UInt8]) {
        self.strategy = strategy
        digest = KeyedDigest(key: key)
    }

    public func replacement(for value: String, kind: SensitiveKind) -> String {
        switch strategy {
        case .placeholder:
            kind.placeholder
        case .mask(let keepLast):
            Masking.mask(value, kind: kind, keepLast: keepLast)
        case .hash:
            "[\(kind.placeholder.dropFirst().dropLast()):\(digest.hex(of: value, kind: kind, digits: 16))]"
        case .synthetic:
            SyntheticValues.fake(for: value, kind: kind, stream: DigestStream(digest: digest, value: value, kind: kind))
        }
    }
}
