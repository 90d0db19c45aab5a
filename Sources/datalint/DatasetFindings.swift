import Checker
import Configuration
import DatasetIO
import Diagnostics

/// Duplicates and personal data in a dataset, for `datalint stats`: the `dedup` and `pii` stages run over each file
/// as `datalint check` runs them (with the file's datalint.toml: its allow-lists, thresholds and evaluation files).
struct DatasetFindings {
    private(set) var records = 0
    /// Records that repeat an earlier record of their file, exactly (after normalization) or nearly.
    private(set) var exactDuplicates = 0
    private(set) var nearDuplicates = 0
    /// Records whose prompt repeats an earlier one's (with the same or a conflicting answer).
    private(set) var repeatedPrompts = 0
    /// Hits per `pii/…` and `secret/…` code.
    private(set) var personalData: [String: Int] = [:]
    /// Files that could not be read a second time (standard input), so the counts leave them out.
    private(set) var skippedFiles: [String] = []

    /// Share of records that are exact or near duplicates of an earlier one.
    var duplicateRate: Double { records == 0 ? 0 : Double(exactDuplicates + nearDuplicates) / Double(records) }

    static let selection = ["dup/exact", "dup/near", "dup/prompt", "dup/conflicting-answers", "pii", "secret"]

    mutating func measure(_ path: String, jobs: Int) async throws {
        guard path != "-" else {
            skippedFiles.append(path)
            return
        }
        let loader = ConfigurationLoader(schema: .standard(stageNames: BuiltInStages.names, catalog: BuiltInStages.catalog))
        let configuration = try loader.loadNearest(toDatasetAt: path)?.settings ?? .default
        let plan = CheckPlan(configuration: configuration, overrides: CheckOverrides(select: Self.selection), datasetPath: path)
        let checker = Checker(stages: plan.stages, policy: plan.policy, jobs: jobs, maxDepth: plan.maxDepth)
        var reader = try DatasetReader(path: path)
        defer { reader.close() }
        records += try await checker.check(&reader, file: path) { found in count(found.diagnostic.code) }
    }

    private mutating func count(_ code: DiagnosticCode) {
        switch code.rawValue {
        case "dup/exact": exactDuplicates += 1
        case "dup/near": nearDuplicates += 1
        case "dup/prompt", "dup/conflicting-answers": repeatedPrompts += 1
        case let pii where pii.hasPrefix("pii/") || pii.hasPrefix("secret/"): personalData[pii, default: 0] += 1
        default: break
        }
    }
}
