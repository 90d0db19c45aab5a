/// A validated configuration file: its sections' values with typed accessors.
///
/// Every value has passed its key's rule, so an accessor returns nil only when the key is absent (or when asked
/// for the wrong type, which is a programming error in the reading stage).
public struct ConfigurationDocument: Sendable, Equatable {
    /// The configuration file's path, as it was given or found.
    public let file: String
    /// The directory relative paths in the file are resolved against.
    public let directory: String
    /// Values by section, then key.
    public let sections: [String: [String: ConfigurationValue]]

    public init(file: String, sections: [String: [String: ConfigurationValue]]) {
        self.file = file
        self.directory = FilePath.directory(of: file)
        self.sections = sections
    }

    /// An empty document, for runs without a configuration file.
    public static let empty = ConfigurationDocument(file: "", sections: [:])

    public func value(_ key: String, in section: String) -> ConfigurationValue? {
        sections[section]?[key]
    }

    public func string(_ key: String, in section: String) -> String? {
        value(key, in: section)?.stringValue
    }

    public func integer(_ key: String, in section: String) -> Int? {
        value(key, in: section)?.integerValue
    }

    /// An integer or a float, as a float.
    public func number(_ key: String, in section: String) -> Double? {
        value(key, in: section)?.numberValue
    }

    public func boolean(_ key: String, in section: String) -> Bool? {
        value(key, in: section)?.booleanValue
    }

    public func stringList(_ key: String, in section: String) -> [String]? {
        value(key, in: section)?.stringListValue
    }

    /// The keys written in `section`, sorted.
    public func keys(in section: String) -> [String] {
        sections[section].map { $0.keys.sorted() } ?? []
    }

    /// `path` as written in the file, resolved against the file's directory (absolute paths stay as they are).
    public func resolvePath(_ path: String) -> String {
        FilePath.join(directory, path)
    }
}
