import Diagnostics

/// What a report says about the tool that produced it.
public struct ToolDescription: Hashable, Sendable {
    /// The tool's name in SARIF's `tool.driver.name`.
    public var name: String
    /// The version of datalint, such as `0.4.0`.
    public var version: String
    /// The tool's home page (SARIF `informationUri`).
    public var informationURI: String?
    /// Where the repository's files are published, such as `https://github.com/org/datalint/blob/main/`;
    /// each rule's help link is this plus the code's documentation path and anchor.
    public var documentationBaseURL: String?

    public init(name: String = "datalint", version: String, informationURI: String? = nil,
                documentationBaseURL: String? = nil) {
        self.name = name
        self.version = version
        self.informationURI = informationURI
        self.documentationBaseURL = documentationBaseURL
    }

    /// The help page of a code: `documentationBaseURL` joined to `docs/<family>.md#<anchor>`.
    public func helpURI(for descriptor: CodeDescriptor) -> String? {
        guard let base = documentationBaseURL, !base.isEmpty else { return nil }
        let separator = base.hasSuffix("/") ? "" : "/"
        return base + separator + descriptor.documentationPath + "#" + descriptor.documentationAnchor
    }
}
