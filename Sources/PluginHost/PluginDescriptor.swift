/// What a plugin says about its stage, copied out of its descriptor.
public struct PluginDescriptor: Sendable, Equatable {
    public let name: String
    public let version: String
    public let description: String
    public let abiMajor: UInt32
    public let abiMinor: UInt32
    public let capabilities: Capabilities
    /// A JSON Schema of the stage's configuration object, when the plugin gives one.
    public let configurationSchema: String?
    /// The shared library it came from.
    public let path: String

    public struct Capabilities: OptionSet, Sendable, Equatable {
        public let rawValue: UInt64
        public init(rawValue: UInt64) { self.rawValue = rawValue }

        public static let checks = Capabilities(rawValue: 1 << 0)
        public static let transforms = Capabilities(rawValue: 1 << 1)
        public static let needsWholeDataset = Capabilities(rawValue: 1 << 2)
        public static let threadSafe = Capabilities(rawValue: 1 << 3)
    }

    /// A stage name is also its codes' family: lowercase letters, digits and '-', starting with a letter.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.utf8.count <= 64 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
