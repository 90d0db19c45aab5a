import Checker
import Configuration
import Diagnostics
import DuplicateStage
import Foundation

/// The files of one `datalint check` run as the `dedup` stage saw them, compared with each other once all are
/// read: records repeated in another file (`dup/cross-file`) or between training and evaluation files
/// (`dup/leakage`).
struct CrossFileDuplicatesRun {
    private var files: [FileDuplicates] = []
    private var plans: [CheckPlan] = []
    private var waiverDatasets: [String: WaiverBook.Dataset?] = [:]
    /// Files already added, by resolved path: a file named twice (`check d d/a.jsonl`) is not its own duplicate.
    private var resolvedPaths: Set<String> = []

    mutating func add(_ duplicates: FileDuplicates, path: String, plan: CheckPlan) {
        let resolved = path == "-" ? "-" : URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        guard resolvedPaths.insert(resolved).inserted || resolved == "-" else { return }
        files.append(duplicates)
        plans.append(plan)
    }

    var fileCount: Int { files.count }

    /// The waiver file entry of a displayed file, so that cross-file findings can be waived like the others.
    mutating func setWaiverDataset(_ dataset: WaiverBook.Dataset?, of file: String) {
        waiverDatasets[file] = dataset
    }

    func waiverDataset(of file: String) -> WaiverBook.Dataset?? {
        waiverDatasets[file]
    }

    /// Every admitted cross-file diagnostic, file by file in the order the files were checked, each with the
    /// threshold its file fails on.
    func diagnostics() -> [(FileDiagnostic, FailThreshold)] {
        guard files.count > 1, let plan = plans.first else { return [] }
        let hashCount = plan.duplicateStage?.options.hashCount ?? 128
        let matches = CrossFileMatcher(threshold: plan.duplicateThreshold, hashCount: hashCount).matches(files)
        var found: [(FileDiagnostic, FailThreshold)] = []
        for (index, file) in files.enumerated() {
            for match in matches[index] {
                guard var diagnostic = CrossFileReport.diagnostic(for: match, inEvaluationFile: file.isEvaluation),
                      plans[index].policy.admit(&diagnostic) else { continue }
                found.append((FileDiagnostic(file: file.file, diagnostic: diagnostic, recordHash: match.record.rawHash),
                              plans[index].failOn))
            }
        }
        return found
    }
}
