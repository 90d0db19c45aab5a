import DatasetText
import Diagnostics

/// Everything the renderers need to know besides the diagnostics themselves. Each format reads only the
/// options that concern it.
public struct ReportOptions: Sendable {
    /// The unit of columns in the human and JSON formats (SARIF always uses UTF-16).
    public var columns: PositionEncoding
    /// ANSI colours in the human format; the CLI passes true only for a terminal with `NO_COLOR` unset.
    public var useColor: Bool
    /// The tool's name, version and documentation links, for SARIF.
    public var tool: ToolDescription
    /// Where SARIF rules get their descriptions and default levels.
    public var catalog: DiagnosticCatalog
    /// Whether the SARIF log is indented.
    public var prettySARIF: Bool

    public init(columns: PositionEncoding = .utf8, useColor: Bool = false, tool: ToolDescription,
                catalog: DiagnosticCatalog = DiagnosticCatalog(), prettySARIF: Bool = true) {
        self.columns = columns
        self.useColor = useColor
        self.tool = tool
        self.catalog = catalog
        self.prettySARIF = prettySARIF
    }
}
