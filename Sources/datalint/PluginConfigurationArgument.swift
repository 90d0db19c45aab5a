import ArgumentParser
import Foundation

/// `--plugin-configuration NAME=JSON`, checked before any plugin runs: the JSON must be an object.
enum PluginConfigurationArgument {
    static func parse(_ values: [String]) throws -> [String: String] {
        var configurations: [String: String] = [:]
        for value in values {
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--plugin-configuration takes NAME=JSON, not '\(value)'")
            }
            guard (try? JSONSerialization.jsonObject(with: Data(parts[1].utf8))) is [String: Any] else {
                throw ValidationError("--plugin-configuration \(parts[0]): '\(parts[1])' is not a JSON object (such as '{\"words\": [\"darn\"]}')")
            }
            configurations[parts[0]] = parts[1]
        }
        return configurations
    }
}
