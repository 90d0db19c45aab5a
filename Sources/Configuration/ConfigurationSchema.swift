/// Every section a configuration file may have, and what each may hold.
///
/// Unknown sections and keys are errors, so a stage that reads its own settings (`[pii]`, `[dedup]`…) registers
/// its section here before the file is loaded; the loader then validates and locates its keys like the built-in
/// ones, and the stage reads them back with `ConfigurationDocument`'s typed accessors.
public struct ConfigurationSchema: Sendable {
    public private(set) var sections: [String: SectionSchema] = [:]

    public init(_ sections: [SectionSchema] = []) {
        for section in sections { register(section) }
    }

    /// Adds a section, replacing any section of the same name.
    public mutating func register(_ section: SectionSchema) {
        sections[section.name] = section
    }

    public func section(named name: String) -> SectionSchema? { sections[name] }
}

/// One `[section]` of the configuration file.
public struct SectionSchema: Sendable {
    public let name: String
    public let keys: [KeySchema]
    /// For sections whose keys are names the user chooses (`[stages]`, `[severity]`).
    public let openKeys: OpenKeys?

    /// A section with a fixed set of keys.
    public init(name: String, keys: [KeySchema]) {
        self.name = name
        self.keys = keys
        self.openKeys = nil
    }

    /// A section whose keys are checked by a rule instead of listed.
    public init(name: String, openKeys: OpenKeys) {
        self.name = name
        self.keys = []
        self.openKeys = openKeys
    }

    public func key(named name: String) -> KeySchema? { keys.first { $0.name == name } }
}

/// A key of a section with a fixed set of keys.
public struct KeySchema: Sendable {
    public let name: String
    public let rule: ValueRule

    public init(_ name: String, _ rule: ValueRule) {
        self.name = name
        self.rule = rule
    }
}

/// The keys of a section that has no fixed set of them.
public struct OpenKeys: Sendable {
    /// The message for a key name that is not acceptable, or nil.
    public let nameProblem: @Sendable (_ name: String) -> String?
    /// The rule for every value.
    public let rule: ValueRule

    public init(rule: ValueRule, nameProblem: @escaping @Sendable (_ name: String) -> String?) {
        self.nameProblem = nameProblem
        self.rule = rule
    }
}
