import DatasetText
import Diagnostics

/// Turns a cross-file match into the diagnostic on the record it was found for.
public enum CrossFileReport {
    /// `dup/leakage` when one file is evaluation data and the other is not, `dup/cross-file` otherwise; nil for a
    /// shared prompt between two files of the same kind (several responses to one prompt are normal data).
    public static func diagnostic(for match: CrossFileMatch, inEvaluationFile: Bool) -> Diagnostic? {
        let isLeak = inEvaluationFile != match.otherIsEvaluation
        if case .prompt = match.kind, !isLeak { return nil }
        let place = "line \(match.other.line + 1) of \(match.otherName)"
        let what: String = switch match.kind {
        case .exact: "exact duplicate of \(place)"
        case .near(let similarity): "near duplicate of \(place) (estimated similarity \(DuplicateAggregate.percent(similarity)))"
        case .prompt: "same prompt as \(place)"
        }
        let code: DuplicateCode = isLeak ? .leakage : .crossFile
        let message: String
        if !isLeak {
            message = "\(what), another dataset file"
        } else if inEvaluationFile {
            message = "\(what), a training file: this evaluation record leaks into training"
        } else {
            message = "\(what), an evaluation file: training on this record leaks the evaluation"
        }
        return Diagnostic(code: code.code, severity: code.defaultSeverity, message: message, range: range(match.record),
                          related: [RelatedInformation(file: match.otherFile, range: range(match.other),
                                                       message: isLeak ? (inEvaluationFile ? "the training record" : "the evaluation record") : "the matching record")])
    }

    static func range(_ place: CrossFileMatch.Place) -> SourceRange {
        SourceRange(start: SourcePosition(line: place.line, utf8Column: 0, utf16Column: 0),
                    end: SourcePosition(line: place.line, utf8Column: place.utf8Length, utf16Column: place.utf16Length))
    }
}
