import Diagnostics

/// Every code of the `dup/…` family (docs/dup.md). Raw values are the stable codes users write in configuration.
public enum DuplicateCode: String, DiagnosticCodeFamily {
    case exact = "dup/exact"
    case prompt = "dup/prompt"
    case conflictingAnswers = "dup/conflicting-answers"
    case near = "dup/near"
    case crossFile = "dup/cross-file"
    case leakage = "dup/leakage"
    case notShown = "dup/not-shown"

    public var defaultSeverity: Severity {
        switch self {
        case .prompt, .notShown: .info
        case .leakage: .error
        default: .warning
        }
    }

    public var summary: String {
        switch self {
        case .exact: "the record repeats an earlier record of the file (after normalization)"
        case .prompt: "the prompt and its answer repeat an earlier record that differs only in other fields"
        case .conflictingAnswers: "the same prompt gets contradicting answers in this file"
        case .near: "the record is a near duplicate of an earlier record (MinHash estimate at or above the threshold)"
        case .crossFile: "the record is duplicated in another dataset file of the workspace"
        case .leakage: "the record is duplicated between a training file and an evaluation file"
        case .notShown: "more duplicate findings than an editor is shown; datalint check lists them all"
        }
    }
}
