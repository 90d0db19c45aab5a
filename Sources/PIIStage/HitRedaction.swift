import Diagnostics
import Redaction

/// How a hit's quick fix rewrites it: with the configured strategy (`[pii] redaction`), as text that can stand
/// inside the JSON string the hit was found in.
struct HitRedaction: Sendable {
    let redactor: Redactor?

    /// How fix titles name the strategy.
    var strategyName: String {
        switch redactor?.strategy {
        case .mask?: "mask"
        case .hash?: "keyed hash"
        case .synthetic?: "synthetic value"
        default: "placeholder"
        }
    }

    /// The raw JSON text replacing the hit's raw bytes.
    func replacement(for decoded: ArraySlice<UInt8>, code: PIICode) -> String {
        guard let redactor, redactor.strategy != .placeholder else { return code.placeholder }
        let value = String(decoding: decoded, as: UTF8.self)
        return JSONStringEscaping.escaped(redactor.replacement(for: value, kind: code.sensitiveKind(for: value)))
    }
}

extension PIICode {
    /// The kind a redactor makes a replacement of.
    func sensitiveKind(for value: String) -> SensitiveKind {
        switch self {
        case .email: .email
        case .phone: .phone
        case .paymentCard: .paymentCard
        case .iban: .iban
        case .ssn: .ssn
        case .ipAddress: value.contains(":") ? .ipv6 : .ipv4
        case .macAddress: .macAddress
        case .urlCredentials: .urlCredentials
        case .dateOfBirth: .dateOfBirth
        default: .secret
        }
    }
}
