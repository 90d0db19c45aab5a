import Foundation
import Jansson
import JSONRPC
import LanguageServerProtocol

extension LanguageServer {
    func didOpen(_ params: JSONValue?, _ workspace: DatasetWorkspace) async {
        guard case .success(let open) = decode(DidOpenTextDocumentParams.self, params) else {
            return log.warning("didOpen with invalid params; ignored")
        }
        let document = open.textDocument
        let text = Array(document.text.utf8)
        await self.open(uri: document.uri, version: document.version, lines: DocumentLines(text: text), workspace)
    }

    /// A didOpen whose text the connection detached: the lines share the buffer the message was read into.
    func didOpen(_ params: JSONValue?, detached: DetachedStrings, _ workspace: DatasetWorkspace) async {
        let textPath: [JSONPathComponent] = [.key("textDocument"), .key("text")]
        guard let text = detached.bytes(at: textPath) else { return await didOpen(detached.reattached(to: params), workspace) }
        let others = DetachedStrings(detached.entries.filter { $0.path != textPath })
        guard case .success(let open) = decode(DidOpenTextDocumentParams.self, others.reattached(to: params)) else {
            return log.warning("didOpen with invalid params; ignored")
        }
        let lines = DocumentLines(storage: text.storage, range: text.range)
        await self.open(uri: open.textDocument.uri, version: open.textDocument.version, lines: lines, workspace)
    }

    private func open(uri: String, version: Int, lines: DocumentLines, _ workspace: DatasetWorkspace) async {
        let size = lines.byteCount
        await workspace.open(uri: uri, version: version, lines: lines)
        scheduleAnalysis(of: uri, showProgress: size > Self.progressThreshold)
    }

    func didChange(_ params: JSONValue?, _ workspace: DatasetWorkspace) async {
        guard case .success(let change) = decode(DidChangeTextDocumentParams.self, params) else {
            return log.warning("didChange with invalid params; ignored")
        }
        let uri = change.textDocument.uri
        for warning in await workspace.change(uri: uri, version: change.textDocument.version, changes: change.contentChanges) {
            log.warning(warning)
        }
        scheduleAnalysis(of: uri)
    }

    func didClose(_ params: JSONValue?, _ workspace: DatasetWorkspace) async {
        guard let uri = params?["textDocument"]?["uri"]?.stringValue else {
            return log.warning("didClose with invalid params; ignored")
        }
        await workspace.close(uri: uri)
        if let path = DocumentURI.path(of: uri) { Task { await self.reindexFromDisk(path) } }
        analysisTasks[uri] = nil
        for lane in DeferredLane.allCases {
            deferredTasks[DeferredKey(uri: uri, lane: lane)]?.cancel()
            deferredTasks[DeferredKey(uri: uri, lane: lane)] = nil
        }
        if !client.pullsDiagnostics { publish(PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: [])) }
    }

    /// Documents larger than this show work-done progress while they are first analysed.
    static var progressThreshold: Int { 8 << 20 }

    /// Analyses a document after its latest change and, in the push model, publishes the result. Analyses of one
    /// document run one after another; a publication is skipped when the document changed again meanwhile, so
    /// diagnostics for a stale version are never sent and a burst of keystrokes publishes once.
    func scheduleAnalysis(of uri: String, showProgress: Bool = false) {
        guard let workspace else { return }
        let previous = analysisTasks[uri]
        let push = !client.pullsDiagnostics
        let progress = showProgress && client.workDoneProgress ? ProgressReporter(connection: connection) : nil
        analysisTasks[uri] = Task {
            await previous?.value
            let began = await progress?.begin("Checking \(uri.split(separator: "/").last ?? "")") ?? false
            await workspace.analyze(uri)
            if began { progress?.end() }
            for problem in await workspace.takeConfigurationProblems() { self.log.warning(problem) }
            await self.scheduleDeferred(of: uri)
            guard push, let (version, body) = await workspace.publication(for: uri, versioned: self.client.versionedDiagnostics)
            else { return }
            guard await self.isLatest(uri, version: version, workspace: workspace) else { return }
            self.connection.send(encodedBody: body)
        }
    }

    /// How long background work waits after a change for the next one: typing a word re-aggregates once.
    static var backgroundPause: Duration { .milliseconds(150) }

    /// Brings the document's duplicates and lengths, and its plugins' findings, up to date in the background.
    func scheduleDeferred(of uri: String, lanes: [DeferredLane] = DeferredLane.allCases) {
        for lane in lanes { schedule(lane, of: uri) }
    }

    /// Runs `lane`'s work for the document after a pause, then publishes again. A newer schedule supersedes this one;
    /// the first computation of a large document shows work-done progress.
    private func schedule(_ lane: DeferredLane, of uri: String) {
        guard let workspace else { return }
        let key = DeferredKey(uri: uri, lane: lane)
        let ticket = (deferredTickets[key] ?? 0) + 1
        deferredTickets[key] = ticket
        let previous = deferredTasks[key]
        // The previous schedule is superseded: cancelled, it skips its pause (work it is running still finishes and
        // is adopted), so a burst of edits does not queue one pause per keystroke.
        previous?.cancel()
        let push = !client.pullsDiagnostics
        let progress = client.workDoneProgress ? ProgressReporter(connection: connection) : nil
        deferredTasks[key] = Task {
            await previous?.value
            guard await self.deferredTickets[key] == ticket else { return }
            try? await Task.sleep(for: Self.backgroundPause)
            guard !Task.isCancelled, await self.deferredTickets[key] == ticket else { return }
            var began = false, worked = false
            while let work = await workspace.deferredWork(for: uri, lane: lane), !Task.isCancelled {
                if work.isFirstComputation, let progress, await workspace.byteCount(of: uri) ?? 0 > Self.progressThreshold {
                    if began { progress.report(work.progressTitle, percentage: 50) } else {
                        began = await progress.begin("\(work.progressTitle) in \(uri.split(separator: "/").last ?? "")")
                    }
                }
                await workspace.adopt(await DeferredAnalysis.run(work), for: uri)
                worked = true
                guard await self.deferredTickets[key] == ticket else { break }
            }
            if began { progress?.end() }
            if worked { FreedMemory.release() }
            if lane == .builtIn, await self.deferredTickets[key] == ticket { await self.refreshCrossFile(uri, writingIndex: true) }
            // Published even when this task found nothing left to do: a task it superseded may have adopted work
            // and left the publishing to it.
            guard push, await self.deferredTickets[key] == ticket,
                  let (version, body) = await workspace.publication(for: uri, versioned: self.client.versionedDiagnostics),
                  await self.isLatest(uri, version: version, workspace: workspace) else { return }
            self.connection.send(encodedBody: body)
        }
    }

    private func isLatest(_ uri: String, version: Int, workspace: DatasetWorkspace) async -> Bool {
        await workspace.version(of: uri) == version
    }

    func publish(_ params: PublishDiagnosticsParams) {
        do {
            connection.notify("textDocument/publishDiagnostics", try JSONValueEncoder().encode(params))
        } catch {
            log.error("cannot encode diagnostics for \(params.uri): \(error)")
        }
    }
}

/// Work-done progress created by the server (`window/workDoneProgress/create`, then `$/progress`).
struct ProgressReporter: Sendable {
    let connection: Connection
    let token = RequestIDValue.string("datalint-\(UInt32.random(in: 0...UInt32.max))")

    /// Creates the token and reports the start; false when the client refused the token.
    func begin(_ title: String) async -> Bool {
        let created = await connection.send(request: "window/workDoneProgress/create",
                                            try? JSONValueEncoder().encode(WorkDoneProgressCreateParams(token: token)))
        guard case .success = created else { return false }
        send(.begin(title))
        return true
    }

    func end() { send(.end()) }

    func report(_ message: String, percentage: Int) { send(.report(message, percentage: percentage)) }

    private func send(_ value: WorkDoneProgress.Value) {
        connection.notify("$/progress", try? JSONValueEncoder().encode(WorkDoneProgress(token: token, value: value)))
    }
}
