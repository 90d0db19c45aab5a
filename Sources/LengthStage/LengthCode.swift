import Diagnostics

/// Every code of the `length/…` family (docs/length.md). Raw values are the stable codes users write in
/// configuration.
public enum LengthCode: String, DiagnosticCodeFamily {
    case tooLong = "length/too-long"
    case outlier = "length/outlier"
    case shortAnswer = "length/short-answer"
    case truncated = "length/truncated"

    public var defaultSeverity: Severity {
        switch self {
        case .tooLong: .error
        case .outlier, .shortAnswer, .truncated: .warning
        }
    }

    public var summary: String {
        switch self {
        case .tooLong: "the record has more tokens than the configured context (max_tokens)"
        case .outlier: "a turn or field is far longer or shorter than the same role or field elsewhere in the file"
        case .shortAnswer: "an answer of fewer tokens than min_answer_tokens where the file's answers are long"
        case .truncated: "an answer near a length limit ends mid-sentence or inside an open code block"
        }
    }
}
