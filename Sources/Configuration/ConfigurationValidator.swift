import DatasetText

/// Checks a parsed configuration against its schema and locates every problem in the source text.
struct ConfigurationValidator {
    let schema: ConfigurationSchema
    let locator: TOMLKeyLocator
    let file: String
    private(set) var problems: [ConfigurationProblem] = []

    init(schema: ConfigurationSchema, locator: TOMLKeyLocator, file: String) {
        self.schema = schema
        self.locator = locator
        self.file = file
    }

    mutating func validate(_ root: [String: ConfigurationValue]) {
        for (name, value) in root {
            if let section = schema.section(named: name) {
                validateSection(section, value: value)
            } else if case .table = value {
                reportUnknownSection(name)
            } else {
                reportKeyOutsideSections(name)
            }
        }
    }

    private mutating func validateSection(_ section: SectionSchema, value: ConfigurationValue) {
        guard let entries = value.tableValue else {
            report("'\(section.name)' must be a table ([\(section.name)]), not \(value.kindDescription)",
                   at: locator.keyPosition(of: [section.name]))
            return
        }
        for (key, value) in entries {
            let path = [section.name, key]
            if let open = section.openKeys {
                if let message = open.nameProblem(key) {
                    report(message, at: locator.keyPosition(of: path))
                } else {
                    check(value, against: open.rule, path: path)
                }
            } else if let known = section.key(named: key) {
                check(value, against: known.rule, path: path)
            } else {
                reportUnknownKey(key, in: section)
            }
        }
    }

    private mutating func check(_ value: ConfigurationValue, against rule: ValueRule, path: [String]) {
        guard let key = path.last, let issue = rule.issue(with: value, key: key) else { return }
        let position = issue.elementIndex.map { locator.elementPosition(of: path, index: $0) }
            ?? locator.valuePosition(of: path)
        report(issue.message, at: position)
    }

    private mutating func reportUnknownKey(_ key: String, in section: SectionSchema) {
        let names = section.keys.map(\.name)
        let hint = NameSuggestion.closest(to: key, among: names).map { "; did you mean '\($0)'?" }
            ?? "; known keys: \(names.sorted().joined(separator: ", "))"
        report("unknown key '\(key)' in [\(section.name)]\(hint)", at: locator.keyPosition(of: [section.name, key]))
    }

    private mutating func reportUnknownSection(_ name: String) {
        let names = schema.sections.keys.sorted()
        let hint = NameSuggestion.closest(to: name, among: names).map { "; did you mean [\($0)]?" }
            ?? "; known sections: \(names.map { "[\($0)]" }.joined(separator: ", "))"
        report("unknown section [\(name)]\(hint)", at: locator.keyPosition(of: [name]))
    }

    /// A plain key before any `[section]` header, such as `fail_on = "warning"` at the top of the file.
    private mutating func reportKeyOutsideSections(_ key: String) {
        let owners = schema.sections.values.filter { $0.key(named: key) != nil }.map(\.name).sorted()
        let hint = owners.first.map { "; it belongs in [\($0)]" } ?? "; settings belong in a section such as [check]"
        report("unknown key '\(key)' outside any section\(hint)", at: locator.keyPosition(of: [key]))
    }

    private mutating func report(_ message: String, at position: SourcePosition) {
        problems.append(ConfigurationProblem(file: file, position: position, message: message))
    }
}
