import Configuration
import Foundation
import Redaction

/// The redactor `[pii] redaction` asks for, keyed by `DATALINT_REDACTION_KEY`, else the `key_file`, else a key
/// made for this process alone (replacements are then consistent within one run, not across runs).
enum RedactionSetup {
    static let environmentVariable = "DATALINT_REDACTION_KEY"

    static func redactor(for settings: PIISettings) -> Redactor? {
        let strategy: RedactionStrategy
        switch settings.redaction {
        case "mask": strategy = .mask(keepLast: settings.maskKeepLast)
        case "hash": strategy = .hash
        case "synthetic": strategy = .synthetic
        default: return nil
        }
        return Redactor(strategy: strategy, key: key(for: settings))
    }

    private static func key(for settings: PIISettings) -> [UInt8] {
        if let fromEnvironment = ProcessInfo.processInfo.environment[environmentVariable], !fromEnvironment.isEmpty {
            return Array(fromEnvironment.utf8)
        }
        if let file = settings.keyFile, let contents = FileManager.default.contents(atPath: file), !contents.isEmpty {
            return Array(contents)
        }
        return processKey
    }

    /// Random, made once per process: an unkeyed hash of an SSN could be reversed by hashing all of them.
    private static let processKey: [UInt8] = (0..<32).map { _ in UInt8.random(in: 0...255) }
}
