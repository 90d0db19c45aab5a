import Diagnostics

/// A SARIF 2.1.0 log with one run, for GitHub code scanning and other static-analysis dashboards.
///
/// SARIF is one JSON document, so diagnostics are collected (without their excerpts) and the whole log is
/// written by `finish`. Columns are always 1-based UTF-16 code units, declared by `columnKind`, whatever unit
/// the other formats use: that is what code scanning expects. Rules list every code that occurs, sorted,
/// described from the catalog; codes the catalog lacks still get a rule, with only an id.
public struct SARIFRenderer: DiagnosticRenderer {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let version = "2.1.0"

    public var tool: ToolDescription
    public var catalog: DiagnosticCatalog
    /// Indented for people, or compact on one line.
    public var isPretty: Bool

    private var results: [FileDiagnostic] = []
    private var codes: Set<DiagnosticCode> = []

    public init(tool: ToolDescription, catalog: DiagnosticCatalog, isPretty: Bool = true) {
        self.tool = tool
        self.catalog = catalog
        self.isPretty = isPretty
    }

    /// Keeps the diagnostic for the log; writes nothing yet.
    public mutating func write(_ diagnostic: FileDiagnostic, to output: inout some TextOutputStream) {
        var kept = diagnostic
        kept.excerpt = nil
        results.append(kept)
        codes.insert(diagnostic.diagnostic.code)
    }

    /// Writes the whole log, streaming it result by result. SARIF has no place for the summary line.
    public func finish(summary: CheckSummary, to output: inout some TextOutputStream) {
        let rules = codes.sorted()
        // Every collected code is among `rules`, so every result finds its index.
        let ruleIndices = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element, $0.offset) })
        var json = JSONWriter(indentUnit: isPretty ? "  " : nil)
        openRun(rules: rules, json: &json)
        for item in results {
            writeResult(item, ruleIndex: ruleIndices[item.diagnostic.code] ?? 0, to: &json)
            output.write(json.takeOutput())
        }
        closeRun(json: &json)
        output.write(json.takeOutput())
    }

    /// Writes the log up to the opening of the run's `results` array.
    private func openRun(rules: [DiagnosticCode], json: inout JSONWriter) {
        json.beginObject()
        json.member("$schema", Self.schemaURI)
        json.member("version", Self.version)
        json.key("runs")
        json.beginArray()
        json.beginObject()
        json.object("tool") { json in
            json.object("driver") { json in writeDriver(rules: rules, to: &json) }
        }
        json.member("columnKind", "utf16CodeUnits")
        json.key("results")
        json.beginArray()
    }

    /// Closes what `openRun` opened and ends the file with a newline.
    private func closeRun(json: inout JSONWriter) {
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
        json.appendNewline()
    }

    private func writeDriver(rules: [DiagnosticCode], to json: inout JSONWriter) {
        json.member("name", tool.name)
        json.member("version", tool.version)
        if let informationURI = tool.informationURI { json.member("informationUri", informationURI) }
        json.array("rules") { json in
            for code in rules { writeRule(code, to: &json) }
        }
    }

    private func writeRule(_ code: DiagnosticCode, to json: inout JSONWriter) {
        json.object { json in
            json.member("id", code.rawValue)
            guard let descriptor = catalog.descriptor(for: code) else { return }
            json.object("shortDescription") { json in json.member("text", descriptor.summary) }
            if let helpURI = tool.helpURI(for: descriptor) { json.member("helpUri", helpURI) }
            json.object("defaultConfiguration") { json in
                json.member("level", descriptor.defaultSeverity.sarifLevel)
            }
        }
    }
}

extension Severity {
    /// SARIF has no hint or info level; both are notes.
    var sarifLevel: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .info, .hint: "note"
        }
    }
}
