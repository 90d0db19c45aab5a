public struct Hover: Codable, Sendable {
    public var contents: MarkupContent
    public var range: Range?

    public init(contents: MarkupContent, range: Range?) {
        self.contents = contents
        self.range = range
    }
}

public enum SymbolKind: Int, Codable, Sendable {
    case object = 19
    case array = 18
    case string = 15
    case key = 20
}

public struct DocumentSymbol: Codable, Sendable {
    public var name: String
    public var detail: String?
    public var kind: SymbolKind
    public var range: Range
    public var selectionRange: Range

    public init(name: String, detail: String?, kind: SymbolKind, range: Range, selectionRange: Range) {
        self.name = name
        self.detail = detail
        self.kind = kind
        self.range = range
        self.selectionRange = selectionRange
    }
}

/// The flat form of an outline entry, for clients without hierarchical document symbols.
public struct SymbolInformation: Codable, Sendable {
    public var name: String
    public var kind: SymbolKind
    public var location: Location

    public init(name: String, kind: SymbolKind, location: Location) {
        self.name = name
        self.kind = kind
        self.location = location
    }
}

/// `textDocument/documentSymbol`'s answer in the form the client can take.
public enum DocumentSymbolResult: Encodable, Sendable {
    case hierarchical([DocumentSymbol])
    case flat([SymbolInformation])

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .hierarchical(let symbols): try symbols.encode(to: encoder)
        case .flat(let symbols): try symbols.encode(to: encoder)
        }
    }
}

public struct CodeActionContext: Codable, Sendable {
    public var diagnostics: [Diagnostic]
    public var only: [String]?
}

public struct CodeActionParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var range: Range
    public var context: CodeActionContext
}

public struct TextDocumentEdit: Codable, Hashable, Sendable {
    public var textDocument: OptionalVersionedTextDocumentIdentifier
    public var edits: [TextEdit]

    public init(textDocument: OptionalVersionedTextDocumentIdentifier, edits: [TextEdit]) {
        self.textDocument = textDocument
        self.edits = edits
    }
}

/// Edits to documents: `documentChanges` pins each document's version (so a stale fix is refused by the client),
/// `changes` is for clients that cannot take versions.
public struct WorkspaceEdit: Codable, Hashable, Sendable {
    public var changes: [String: [TextEdit]]?
    public var documentChanges: [TextDocumentEdit]?

    public init(changes: [String: [TextEdit]]? = nil, documentChanges: [TextDocumentEdit]? = nil) {
        self.changes = changes
        self.documentChanges = documentChanges
    }
}

public struct CodeAction: Codable, Sendable {
    public var title: String
    public var kind: String
    public var diagnostics: [Diagnostic]?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit

    public init(title: String, kind: String, diagnostics: [Diagnostic]?, isPreferred: Bool?, edit: WorkspaceEdit) {
        self.title = title
        self.kind = kind
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
        self.edit = edit
    }
}
