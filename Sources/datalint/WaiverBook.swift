import Checker
import Diagnostics
import DuplicateStage
import Waivers

/// The waiver files of one run (datasets under different configurations may use different ones): which
/// diagnostics they waive, which of their waivers went stale, and what `--add-waivers` adds to them.
struct WaiverBook {
    /// A dataset as its waiver file names it.
    struct Dataset {
        let waiverPath: String
        let name: String
    }

    private var files: [String: WaiverFile] = [:]
    private var plans: [String: CheckPlan] = [:]
    private var checked: [String: [String]] = [:]
    private var added: [String: Int] = [:]

    /// Loads the waiver file at `path` once; returns its problems when it cannot be parsed.
    mutating func open(_ path: String, plan: CheckPlan) -> [FileDiagnostic] {
        guard files[path] == nil else { return [] }
        do {
            files[path] = try WaiverFile.load(path: path)
            plans[path] = plan
            return []
        } catch {
            return error.problems.map(\.diagnostic)
        }
    }

    /// Names `datasetPath` in the waiver file at `waiverPath`, or nil when that file could not be loaded.
    mutating func register(dataset datasetPath: String, in waiverPath: String) -> Dataset? {
        guard let file = files[waiverPath] else { return nil }
        let name = file.relativePath(ofDataset: datasetPath)
        if !(checked[waiverPath]?.contains(name) ?? false) { checked[waiverPath, default: []].append(name) }
        return Dataset(waiverPath: waiverPath, name: name)
    }

    /// True when the diagnostic is waived, or (`adding`) has just been waived by a new waiver.
    mutating func absorb(_ diagnostic: FileDiagnostic, dataset: Dataset, record: RecordHash, adding: Bool) -> Bool {
        let code = diagnostic.diagnostic.code
        if files[dataset.waiverPath]?.waive(file: dataset.name, code: code, record: record) == true { return true }
        guard adding, code.family != "waiver" else { return false }
        if files[dataset.waiverPath]?.add(file: dataset.name, code: code, record: record,
                                          line: diagnostic.diagnostic.line) == true {
            added[dataset.waiverPath, default: 0] += 1
        }
        return true
    }

    /// True when a waiver covers the diagnostic; nothing is marked used (for the `--fix` pass).
    func isWaived(_ diagnostic: FileDiagnostic, dataset: Dataset, record: RecordHash) -> Bool {
        files[dataset.waiverPath]?.isWaived(file: dataset.name, code: diagnostic.diagnostic.code, record: record) == true
    }

    /// Waivers that matched nothing in this run, among those this run could judge.
    /// `comparedFiles`: how many files this run compared with each other. With one, findings across files could not
    /// be made, so their waivers cannot be judged stale.
    func staleDiagnostics(comparedFiles: Int) -> [FileDiagnostic] {
        let acrossFiles: Set<DiagnosticCode> = [DuplicateCode.crossFile.code, DuplicateCode.leakage.code]
        return files.keys.sorted().flatMap { path -> [FileDiagnostic] in
            guard let file = files[path], let plan = plans[path] else { return [] }
            return file.staleWaivers(checkedFiles: checked[path] ?? [], isCodeChecked: { code in
                plan.canReport(code) && (comparedFiles > 1 || !acrossFiles.contains(code))
            })
        }
    }

    /// Writes every waiver file that gained waivers; returns each path with how many it gained.
    func writeAdditions() -> [Result<(String, Int), WaiverFileWriteError>] {
        added.keys.sorted().compactMap { path -> Result<(String, Int), WaiverFileWriteError>? in
            guard let file = files[path], let count = added[path], count > 0 else { return nil }
            do throws(WaiverFileWriteError) {
                try file.write()
                return .success((path, count))
            } catch {
                return .failure(error)
            }
        }
    }
}
