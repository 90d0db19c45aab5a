import DatasetIO
import DuplicateStage
import Foundation
import Jansson
import JSONRPC
import LanguageServerProtocol
import RecordScanner

/// Duplicates across the dataset files of the workspace: the index of every file under the workspace folders,
/// built once in the background (with progress) and kept current with the open documents.
extension LanguageServer {
    /// Opens the workspace index and indexes the files that changed since it was last used.
    func startWorkspaceIndex() async {
        guard !workspaceRoots.isEmpty, duplicateIndex == nil, let workspace else { return }
        let path = indexPath ?? WorkspaceDuplicateIndex.defaultPath(for: workspaceRoots)
        let index: WorkspaceDuplicateIndex
        do {
            index = try WorkspaceDuplicateIndex(roots: workspaceRoots, path: path)
        } catch {
            return log.warning("the workspace index at \(path) cannot be opened (\(error)); duplicates across files are not reported")
        }
        guard let stage = await workspace.duplicateStage(forFilesUnder: workspaceRoots[0]) else { return }
        do {
            try await index.requireSettings(of: stage)
        } catch {
            return log.warning("the workspace index at \(path) cannot be used (\(error)); duplicates across files are not reported")
        }
        if let reason = await index.rebuildReason { showMessage("datalint: \(reason) (\(path))") }
        duplicateIndex = index
        let open = Set(await workspace.openDocuments.compactMap(DocumentURI.path(of:)))
        let stale = await index.filesToIndex(among: await index.datasetFiles()).filter { !open.contains($0) }
        await indexFiles(stale, with: stage, in: index)
        // Documents opened before the index was ready were never written to it nor compared.
        for uri in await workspace.openDocuments {
            await refreshCrossFile(uri, writingIndex: true)
            await publishIfCurrent(uri)
        }
    }

    private func indexFiles(_ files: [String], with stage: DuplicateStage, in index: WorkspaceDuplicateIndex) async {
        guard !files.isEmpty else { return }
        let progress = client.workDoneProgress ? ProgressReporter(connection: connection) : nil
        let began = await progress?.begin("Indexing datasets for duplicates") ?? false
        for (number, file) in files.enumerated() {
            // A file opened meanwhile is written from its buffer, which the disk version must not overwrite.
            if let workspace, await workspace.isOpen(path: file) { continue }
            if began { progress?.report("\(number + 1)/\(files.count) \(index.relativePath(file))", percentage: 100 * number / files.count) }
            do {
                let lines = DocumentLines(text: try DatasetFile.read(file))
                let facts = await DeferredAnalysis.computeAll(lines, stage: stage, maxDepth: RecordScanner.defaultMaxDepth).map { $0 ?? nil }
                try await index.replace(file: file, facts: facts, fromDisk: true)
            } catch {
                log.warning("cannot index \(file) for duplicates: \(error)")
            }
        }
        if began { progress?.end() }
    }

    /// Writes the document's records to the workspace index when `writingIndex` and they changed, then looks up what
    /// other files share with it; other open documents are looked up again when this one's records changed.
    func refreshCrossFile(_ uri: String, writingIndex: Bool) async {
        guard let index = duplicateIndex, let workspace, let path = DocumentURI.path(of: uri), await index.isUnderRoots(path),
              let threshold = await workspace.duplicateThreshold(for: uri) else { return }
        var wrote = false
        if writingIndex, let sync = await workspace.indexSync(for: uri) {
            do {
                switch sync {
                case .replace(let facts, _):
                    // Written even when the file on disk looks indexed already: an editor may open a buffer that
                    // differs from the disk (restored unsaved edits), and only the buffer's lines are right here.
                    try await index.replace(file: path, facts: facts, fromDisk: false)
                    wrote = true
                case .update(let lines, _):
                    try await index.update(file: path, lines: lines)
                    wrote = true
                }
                await workspace.markIndexed(uri, sync)
            } catch {
                return log.warning("the workspace index could not be updated for \(path): \(error)")
            }
        }
        guard let structure = await workspace.indexedStructure(of: uri) else { return }
        // Refreshes of one document may overlap (its own, another document's, the end of indexing): only the
        // latest one to start may adopt what it found.
        let ticket = (crossFileTickets[uri] ?? 0) + 1
        crossFileTickets[uri] = ticket
        do {
            let matches = try await index.matches(ofFile: path, threshold: threshold)
            guard crossFileTickets[uri] == ticket else { return }
            await workspace.adoptCrossFile(matches, for: uri, structureVersion: structure, relativePath: index.relativePath)
        } catch {
            return log.warning("duplicates across files could not be looked up for \(path): \(error)")
        }
        if wrote {
            for other in await workspace.openDocuments where other != uri {
                await refreshCrossFile(other, writingIndex: false)
                await publishIfCurrent(other)
            }
        }
    }

    /// Dataset files changed, created or deleted by another program: the index follows the disk for those not open
    /// (an open document's buffer is what counts for it).
    func datasetsChangedOnDisk(_ paths: [String]) async {
        guard let index = duplicateIndex, let workspace else { return }
        for path in paths where await !workspace.isOpen(path: path) {
            if FileManager.default.fileExists(atPath: path) {
                await reindexFromDisk(path)
            } else {
                try? await index.remove(file: path)
                for uri in await workspace.openDocuments {
                    await refreshCrossFile(uri, writingIndex: false)
                    await publishIfCurrent(uri)
                }
            }
        }
    }

    /// A document closed with unsaved edits leaves its buffer's records in the index: the file on disk is read again.
    func reindexFromDisk(_ path: String) async {
        guard let index = duplicateIndex, let workspace, await index.isUnderRoots(path) else { return }
        guard await !index.isCurrent(path), FileManager.default.fileExists(atPath: path),
              let stage = await workspace.duplicateStage(forFilesUnder: path) else { return }
        await indexFiles([path], with: stage, in: index)
        // The buffer's records are gone from the index: what other documents matched in them is stale.
        for uri in await workspace.openDocuments {
            await refreshCrossFile(uri, writingIndex: false)
            await publishIfCurrent(uri)
        }
    }

    func publishIfCurrent(_ uri: String) async {
        guard !client.pullsDiagnostics, let workspace,
              let (version, body) = await workspace.publication(for: uri, versioned: client.versionedDiagnostics),
              await workspace.version(of: uri) == version else { return }
        connection.send(encodedBody: body)
    }

    /// `window/showMessage` takes the same parameters as `window/logMessage`.
    func showMessage(_ message: String) {
        connection.notify("window/showMessage", try? JSONValueEncoder().encode(LogMessageParams(type: .warning, message: message)))
    }
}
