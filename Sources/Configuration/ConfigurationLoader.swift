import DatasetText
import Foundation

/// Reads, validates and interprets `datalint.toml` files.
public struct ConfigurationLoader: Sendable {
    public var schema: ConfigurationSchema

    /// A loader for `schema`; `ConfigurationSchema.standard(stageNames:catalog:)` plus any stage's own sections.
    public init(schema: ConfigurationSchema) {
        self.schema = schema
    }

    /// Loads the configuration file at `path`.
    public func load(path: String) throws(ConfigurationError) -> LoadedConfiguration {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigurationError(ConfigurationProblem(file: path, position: .start,
                                                          message: "cannot read the configuration file: \(error.localizedDescription)"))
        }
        return try load(text: decodeUTF8(Array(bytes), path: path), path: path)
    }

    /// Decoding would replace invalid bytes with U+FFFD, moving every column after them; reject them instead.
    private func decodeUTF8(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> String {
        if let invalid = UTF8Validation.firstInvalidByte(in: bytes) {
            let position = TextDocument(bytes: bytes).position(ofByteOffset: invalid)
            throw ConfigurationError(ConfigurationProblem(file: path, position: position,
                                                          message: "the file is not valid UTF-8"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Loads configuration text as if read from `path` (an editor's unsaved buffer, a test).
    public func load(text: String, path: String) throws(ConfigurationError) -> LoadedConfiguration {
        let locator = TOMLKeyLocator(text: text)
        let root = try TOMLDocumentParser.parse(text, file: path, locator: locator)
        var validator = ConfigurationValidator(schema: schema, locator: locator, file: path)
        validator.validate(root)
        guard validator.problems.isEmpty else { throw ConfigurationError(validator.problems) }
        let document = ConfigurationDocument(file: path, sections: root.compactMapValues(\.tableValue))
        return LoadedConfiguration(document: document)
    }

    /// Loads the configuration that applies to the dataset at `datasetPath`, or returns nil when there is none.
    public func loadNearest(toDatasetAt datasetPath: String) throws(ConfigurationError) -> LoadedConfiguration? {
        guard let path = ConfigurationDiscovery.nearestConfiguration(forDatasetAt: datasetPath) else { return nil }
        return try load(path: path)
    }
}

/// A configuration file that passed validation.
public struct LoadedConfiguration: Sendable, Equatable {
    /// Every section's values, for stages that read their own.
    public let document: ConfigurationDocument
    /// datalint's own settings from the file, before command-line overrides.
    public let settings: DatalintConfiguration

    public init(document: ConfigurationDocument) {
        self.document = document
        self.settings = DatalintConfiguration(document)
    }

    public var path: String { document.file }
}
