import Diagnostics

/// Every code of the `format/…` family. Raw values are the stable codes users write in configuration.
public enum FormatCode: String, DiagnosticCodeFamily {
    case invalidJSON = "format/invalid-json"
    case invalidUTF8 = "format/invalid-utf8"
    case tooDeep = "format/too-deep"
    case emptyLine = "format/empty-line"
    case notAnObject = "format/not-an-object"
    case duplicateKey = "format/duplicate-key"
    case unknownSchema = "format/unknown-schema"
    case mixedSchema = "format/mixed-schema"
    case missingMessages = "format/missing-messages"
    case messageNotObject = "format/message-not-object"
    case missingRole = "format/missing-role"
    case unknownRole = "format/unknown-role"
    case missingContent = "format/missing-content"
    case contentType = "format/content-type"
    case emptyContent = "format/empty-content"
    case unknownKey = "format/unknown-key"
    case systemNotFirst = "format/system-not-first"
    case consecutiveRoles = "format/consecutive-roles"
    case noAssistant = "format/no-assistant"
    case lastNotAssistant = "format/last-not-assistant"
    case orphanToolMessage = "format/orphan-tool-message"
    case toolCallShape = "format/tool-call-shape"
    case toolArguments = "format/tool-arguments"
    case invalidWeight = "format/invalid-weight"
    case missingField = "format/missing-field"
    case identicalPreference = "format/identical-preference"
    case invalidScore = "format/invalid-score"
    case templateToken = "format/template-token"

    public var defaultSeverity: Severity {
        switch self {
        case .emptyLine, .mixedSchema, .unknownKey, .systemNotFirst, .consecutiveRoles, .lastNotAssistant,
             .templateToken, .emptyContent:
            .warning
        default:
            .error
        }
    }

    public var summary: String {
        switch self {
        case .invalidJSON: "The line is not valid JSON."
        case .invalidUTF8: "The line holds bytes that are not valid UTF-8."
        case .tooDeep: "Values are nested deeper than the configured limit."
        case .emptyLine: "An empty or blank line, which holds no record."
        case .notAnObject: "The line is JSON, but not an object."
        case .duplicateKey: "A key appears twice in one object; readers silently keep one of the values."
        case .unknownSchema: "The record matches none of the known dataset schemas."
        case .mixedSchema: "The record's schema differs from the schema most of the file uses."
        case .missingMessages: "The conversation list is missing, not a list, or empty."
        case .messageNotObject: "A message is not a JSON object."
        case .missingRole: "A message has no role (or ShareGPT turn no `from`)."
        case .unknownRole: "A message's role is not one the format allows."
        case .missingContent: "A message has no content."
        case .contentType: "A value has the wrong type (content must be a string or a list of parts)."
        case .emptyContent: "A content or answer is empty or only white space."
        case .unknownKey: "A message has a key the format does not define."
        case .systemNotFirst: "A system message appears after the first message."
        case .consecutiveRoles: "Two consecutive messages have the same role."
        case .noAssistant: "The conversation has no assistant message, so nothing is learned from it."
        case .lastNotAssistant: "The conversation does not end with an assistant message."
        case .orphanToolMessage: "A tool message does not answer an earlier tool call."
        case .toolCallShape: "A tool call lacks an id, a type or a function name."
        case .toolArguments: "A tool call's arguments are not a JSON object encoded as a string."
        case .invalidWeight: "A message weight other than 0 or 1."
        case .missingField: "A required field of the record's schema is missing."
        case .identicalPreference: "A preference pair whose chosen and rejected answers are identical."
        case .invalidScore: "A reward score that is not a finite number."
        case .templateToken: "Chat-template control tokens leak into content."
        }
    }
}
