/// What the server reads of `initialize`'s params; members it does not need are ignored.
public struct InitializeParams: Codable, Sendable {
    public var processId: Int?
    public var rootUri: String?
    public var capabilities: ClientCapabilities
    public var workspaceFolders: [WorkspaceFolder]?
    public var trace: String?
    public var initializationOptions: InitializationOptions?
}

/// What datalint reads of `initializationOptions` here (the settings section is read apart, leniently).
public struct InitializationOptions: Codable, Sendable {
    /// Where the workspace index is kept, instead of the user's cache directory.
    public var indexPath: String?
}

public struct WorkspaceFolder: Codable, Hashable, Sendable {
    public var uri: String
    public var name: String
}

public struct ClientCapabilities: Codable, Sendable {
    public struct General: Codable, Sendable {
        public var positionEncodings: [String]?
    }

    public struct TextDocument: Codable, Sendable {
        public struct PublishDiagnostics: Codable, Sendable {
            public var versionSupport: Bool?
            public var relatedInformation: Bool?
        }

        public struct PullDiagnostics: Codable, Sendable {
            public var dynamicRegistration: Bool?
        }

        public struct DocumentSymbol: Codable, Sendable {
            public var hierarchicalDocumentSymbolSupport: Bool?
        }

        public var publishDiagnostics: PublishDiagnostics?
        public var diagnostic: PullDiagnostics?
        public var documentSymbol: DocumentSymbol?
    }

    public struct Window: Codable, Sendable {
        public var workDoneProgress: Bool?
    }

    public struct Workspace: Codable, Sendable {
        public struct WorkspaceEdit: Codable, Sendable {
            public var documentChanges: Bool?
        }

        public struct DidChangeWatchedFiles: Codable, Sendable {
            public var dynamicRegistration: Bool?
        }

        public var configuration: Bool?
        public var applyEdit: Bool?
        public var workspaceEdit: WorkspaceEdit?
        public var didChangeWatchedFiles: DidChangeWatchedFiles?
        public var workspaceFolders: Bool?
    }

    public var general: General?
    public var textDocument: TextDocument?
    public var window: Window?
    public var workspace: Workspace?
}

public struct InitializeResult: Codable, Sendable {
    public struct ServerInfo: Codable, Sendable {
        public var name: String
        public var version: String
    }

    public var capabilities: ServerCapabilities
    public var serverInfo: ServerInfo

    public init(capabilities: ServerCapabilities, name: String, version: String) {
        self.capabilities = capabilities
        serverInfo = ServerInfo(name: name, version: version)
    }
}

public struct ServerCapabilities: Codable, Sendable {
    public struct TextDocumentSync: Codable, Sendable {
        public struct SaveOptions: Codable, Sendable {
            public var includeText: Bool
        }

        public var openClose = true
        /// 2: incremental.
        public var change = 2
        public var save = SaveOptions(includeText: false)
    }

    public struct DiagnosticOptions: Codable, Sendable {
        public var identifier: String
        public var interFileDependencies: Bool
        public var workspaceDiagnostics: Bool

        public init(identifier: String, interFileDependencies: Bool, workspaceDiagnostics: Bool) {
            self.identifier = identifier
            self.interFileDependencies = interFileDependencies
            self.workspaceDiagnostics = workspaceDiagnostics
        }
    }

    public struct CodeActionOptions: Codable, Sendable {
        public var codeActionKinds: [String]
        public var resolveProvider: Bool
    }

    public struct ExecuteCommandOptions: Codable, Sendable {
        public var commands: [String]
    }

    public struct Workspace: Codable, Sendable {
        public struct WorkspaceFolders: Codable, Sendable {
            public var supported: Bool
            public var changeNotifications: Bool
        }

        public var workspaceFolders: WorkspaceFolders
    }

    public var positionEncoding: String
    public var textDocumentSync = TextDocumentSync()
    public var diagnosticProvider: DiagnosticOptions?
    public var codeActionProvider: CodeActionOptions
    public var hoverProvider = true
    public var referencesProvider = true
    public var documentSymbolProvider = true
    public var executeCommandProvider: ExecuteCommandOptions
    public var workspace = Workspace(workspaceFolders: .init(supported: true, changeNotifications: false))

    public init(positionEncoding: String, diagnosticProvider: DiagnosticOptions?, codeActionKinds: [String],
                commands: [String]) {
        self.positionEncoding = positionEncoding
        self.diagnosticProvider = diagnosticProvider
        codeActionProvider = CodeActionOptions(codeActionKinds: codeActionKinds, resolveProvider: false)
        executeCommandProvider = ExecuteCommandOptions(commands: commands)
    }
}

/// `textDocument/references`: a position and whether to include the declaration (for a record: itself).
public struct ReferenceParams: Codable, Sendable {
    public struct Context: Codable, Sendable {
        public var includeDeclaration: Bool
    }

    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: Context?
}

public struct SetTraceParams: Codable, Sendable {
    public var value: String
}

public struct LogTraceParams: Codable, Sendable {
    public var message: String
    public var verbose: String?

    public init(message: String, verbose: String? = nil) {
        self.message = message
        self.verbose = verbose
    }
}
