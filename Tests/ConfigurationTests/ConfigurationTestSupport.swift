import Configuration
import Diagnostics

/// A small catalog standing in for the stages' real ones.
let testCatalog = DiagnosticCatalog([[
    CodeDescriptor("format/unknown-key", .warning, "A message has a key the format does not define."),
    CodeDescriptor("format/invalid-json", .error, "The line is not valid JSON."),
    CodeDescriptor("pii/email", .warning, "An e-mail address."),
]])

let testLoader = ConfigurationLoader(schema: .standard(stageNames: ["format", "pii"], catalog: testCatalog))

/// Every problem loading `text` reports, as `path:line:column: message`; empty when it loads.
func problems(in text: String, loader: ConfigurationLoader = testLoader) -> [String] {
    do {
        _ = try loader.load(text: text, path: "conf/datalint.toml")
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

/// The settings `text` gives; records the problems as a test failure message when it does not load.
func settings(from text: String, path: String = "conf/datalint.toml") throws -> DatalintConfiguration {
    try testLoader.load(text: text, path: path).settings
}
