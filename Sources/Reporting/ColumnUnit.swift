import DatasetText

extension PositionEncoding {
    /// The unit named by `--columns`: `utf8` or `utf16`, also accepted with a hyphen as LSP spells them.
    public init?(columnsArgument: String) {
        switch columnsArgument.lowercased() {
        case "utf8", "utf-8": self = .utf8
        case "utf16", "utf-16": self = .utf16
        default: return nil
        }
    }
}
