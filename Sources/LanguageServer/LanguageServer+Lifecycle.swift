import DatasetText
import Foundation
import Jansson
import JSONRPC
import LanguageServerProtocol

extension LanguageServer {
    static let version = "0.1.0"
    static let commands = [ServerCommands.fixAll]

    func initialize(_ params: InitializeParams) -> Result<JSONValue, ResponseError> {
        let offered = params.capabilities.general?.positionEncodings ?? []
        // UTF-8 columns are what datalint computes natively; UTF-16 is LSP's default for clients that say nothing.
        let encoding: PositionEncoding = offered.contains("utf-8") ? .utf8 : .utf16
        let textDocument = params.capabilities.textDocument
        client.pullsDiagnostics = textDocument?.diagnostic != nil
        client.versionedDiagnostics = textDocument?.publishDiagnostics?.versionSupport ?? true
        client.documentChanges = params.capabilities.workspace?.workspaceEdit?.documentChanges ?? false
        client.workDoneProgress = params.capabilities.window?.workDoneProgress ?? false
        client.configuration = params.capabilities.workspace?.configuration ?? false
        client.watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false
        client.hierarchicalSymbols = textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ?? false
        client.appliesEdits = params.capabilities.workspace?.applyEdit ?? false
        trace = params.trace ?? "off"
        indexPath = params.initializationOptions?.indexPath
        workspaceRoots = (params.workspaceFolders?.map(\.uri) ?? params.rootUri.map { [$0] } ?? [])
            .compactMap(DocumentURI.path(of:)).map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 }
        let log = self.log
        workspace = DatasetWorkspace(encoding: encoding, documentationBase: DocumentationLocation.base(),
                                     clientSettings: ClientSettings(), pluginLog: { log.info($0) },
                                     onPluginsReady: { [weak self] in Task { await self?.pluginsReady() } })
        phase = .running
        var capabilities = ServerCapabilities(
            positionEncoding: encoding == .utf8 ? "utf-8" : "utf-16",
            diagnosticProvider: client.pullsDiagnostics
                ? .init(identifier: "datalint", interFileDependencies: false, workspaceDiagnostics: true) : nil,
            codeActionKinds: [CodeActionBuilder.quickFix, CodeActionBuilder.fixAll],
            commands: Self.commands)
        capabilities.textDocumentSync.save.includeText = false
        do {
            return .success(try JSONValueEncoder().encode(InitializeResult(capabilities: capabilities, name: "datalint",
                                                                           version: Self.version)))
        } catch {
            return .failure(.internalError("cannot encode the initialize result: \(error)"))
        }
    }

    /// After `initialized`: watch datalint.toml files and fetch the client's settings.
    func clientIsReady() async {
        if client.watchesFiles {
            let registration = try? JSONValue.decode("""
                {"registrations":[{"id":"datalint-configuration-files","method":"workspace/didChangeWatchedFiles",
                  "registerOptions":{"watchers":[{"globPattern":"**/datalint.toml"},{"globPattern":"**/*.jsonl"},
                                                  {"globPattern":"**/*.ndjson"}]}}]}
                """)
            if case .failure(let error) = await connection.send(request: "client/registerCapability", registration) {
                log.warning("the client refused to watch datalint.toml files: \(error)")
            }
        }
        await configureFromClient()
        Task { await self.startWorkspaceIndex() }
    }

    /// Asks the client for the `datalint` settings section, when it can answer.
    func configureFromClient() async {
        guard client.configuration, let workspace else { return }
        let params = try? JSONValueEncoder().encode(ConfigurationParams(items: [ConfigurationItem(scopeUri: nil, section: "datalint")]))
        switch await connection.send(request: "workspace/configuration", params) {
        case .success(let result):
            await apply(settings: result[0], to: workspace)
        case .failure(let error):
            log.warning("workspace/configuration failed: \(error)")
        }
    }

    func apply(settings value: JSONValue?, to workspace: DatasetWorkspace) async {
        var problems: [String] = []
        let settings = ClientSettings(value, problems: &problems)
        for problem in problems { log.warning(problem) }
        await workspace.update(settings: settings)
        for uri in await workspace.openDocuments { scheduleAnalysis(of: uri) }
    }

    /// Plugins started in the background: their problems go to the log, and every open document gets their work.
    func pluginsReady() async {
        guard let workspace else { return }
        for problem in await workspace.takeConfigurationProblems() { log.warning(problem) }
        for uri in await workspace.openDocuments { scheduleDeferred(of: uri, lanes: [.plugins]) }
    }

    func didChangeConfiguration(_ params: JSONValue?, _ workspace: DatasetWorkspace) async {
        if client.configuration {
            await configureFromClient()
        } else {
            await apply(settings: params?["settings"]?["datalint"], to: workspace)
        }
    }

    func didChangeWatchedFiles(_ params: JSONValue?, _ workspace: DatasetWorkspace) async {
        let uris = params?["changes"]?.arrayValue?.compactMap { $0["uri"]?.stringValue } ?? []
        // Datasets written by other tools: the workspace index reads them again (or forgets them).
        let datasets = uris.filter { $0.hasSuffix(".jsonl") || $0.hasSuffix(".ndjson") }.compactMap(DocumentURI.path(of:))
        if !datasets.isEmpty { Task { await self.datasetsChangedOnDisk(datasets) } }
        guard uris.contains(where: { $0.hasSuffix("/datalint.toml") }) else { return }
        await workspace.reloadConfiguration()
        for uri in await workspace.openDocuments { scheduleAnalysis(of: uri) }
    }
}

/// Where the docs pages that diagnostics link to are: the `docs/` folder of the datalint checkout or
/// installation the binary runs from.
enum DocumentationLocation {
    static func base() -> String? {
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("docs/format.md").path
            if FileManager.default.fileExists(atPath: candidate) {
                return "file://" + directory.appendingPathComponent("docs").path + "/"
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
