public enum DiagnosticSeverity: Int, Codable, Hashable, Sendable {
    case error = 1
    case warning = 2
    case information = 3
    case hint = 4
}

public struct CodeDescription: Codable, Hashable, Sendable {
    public var href: String

    public init(href: String) { self.href = href }
}

public struct DiagnosticRelatedInformation: Codable, Hashable, Sendable {
    public var location: Location
    public var message: String

    public init(location: Location, message: String) {
        self.location = location
        self.message = message
    }
}

public struct Diagnostic: Codable, Hashable, Sendable {
    public var range: Range
    public var severity: DiagnosticSeverity?
    public var code: String?
    public var codeDescription: CodeDescription?
    public var source: String?
    public var message: String
    public var relatedInformation: [DiagnosticRelatedInformation]?

    public init(range: Range, severity: DiagnosticSeverity?, code: String?, codeDescription: CodeDescription?,
                source: String?, message: String, relatedInformation: [DiagnosticRelatedInformation]?) {
        self.range = range
        self.severity = severity
        self.code = code
        self.codeDescription = codeDescription
        self.source = source
        self.message = message
        self.relatedInformation = relatedInformation
    }
}

public struct PublishDiagnosticsParams: Codable, Hashable, Sendable {
    public var uri: String
    public var version: Int?
    public var diagnostics: [Diagnostic]

    public init(uri: String, version: Int?, diagnostics: [Diagnostic]) {
        self.uri = uri
        self.version = version
        self.diagnostics = diagnostics
    }
}

public struct DocumentDiagnosticParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var identifier: String?
    public var previousResultId: String?
}

/// `textDocument/diagnostic`'s answer: every diagnostic (`full`), or `unchanged` since `previousResultId`.
public struct DocumentDiagnosticReport: Codable, Hashable, Sendable {
    public var kind: String
    public var resultId: String?
    public var items: [Diagnostic]?

    public static func full(resultId: String, items: [Diagnostic]) -> DocumentDiagnosticReport {
        DocumentDiagnosticReport(kind: "full", resultId: resultId, items: items)
    }

    public static func unchanged(resultId: String) -> DocumentDiagnosticReport {
        DocumentDiagnosticReport(kind: "unchanged", resultId: resultId, items: nil)
    }
}

public struct PreviousResultId: Codable, Hashable, Sendable {
    public var uri: String
    public var value: String
}

public struct WorkspaceDiagnosticParams: Codable, Hashable, Sendable {
    public var identifier: String?
    public var previousResultIds: [PreviousResultId]
}

public struct WorkspaceDocumentDiagnosticReport: Codable, Hashable, Sendable {
    public var kind: String
    public var uri: String
    public var version: Int?
    public var resultId: String?
    public var items: [Diagnostic]?

    public init(uri: String, version: Int?, report: DocumentDiagnosticReport) {
        kind = report.kind
        self.uri = uri
        self.version = version
        resultId = report.resultId
        items = report.items
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(uri, forKey: .uri)
        // Required by the protocol: null for a document that is not open.
        if let version { try container.encode(version, forKey: .version) } else { try container.encodeNil(forKey: .version) }
        try container.encodeIfPresent(resultId, forKey: .resultId)
        try container.encodeIfPresent(items, forKey: .items)
    }
}

public struct WorkspaceDiagnosticReport: Codable, Hashable, Sendable {
    public var items: [WorkspaceDocumentDiagnosticReport]

    public init(items: [WorkspaceDocumentDiagnosticReport]) { self.items = items }
}
