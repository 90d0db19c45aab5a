import Diagnostics
import RecordScanner
import Schemas
import StageKit

/// The `format` stage: is each line a well-formed record of a known training-data schema?
public struct FormatStage: RecordStage {
    public let options: FormatOptions
    private let templateTokens: TemplateTokenFinder
    // Built once here rather than per record: each holds the lookup tables its messages are checked against.
    private let messagesDialect: ConversationDialect
    private let shareGPTDialect: ConversationDialect

    public init(options: FormatOptions = FormatOptions()) {
        self.options = options
        templateTokens = TemplateTokenFinder(tokens: FormatOptions.builtInTemplateTokens + options.templateTokens)
        messagesDialect = .messages(options)
        shareGPTDialect = .shareGPT(options)
    }

    public var name: String { "format" }
    public var codes: [CodeDescriptor] { FormatCode.allCases.map(\.descriptor) }

    /// What the file-level schema tally needs of a record.
    public typealias Facts = SchemaFact?

    public struct SchemaFact: Sendable, Equatable {
        let schema: RecordSchema
        let sample: SchemaTally.Sample
    }

    public func check(_ record: ParsedRecord, into diagnostics: inout [Diagnostic]) -> SchemaFact? {
        var inspection = RecordInspection(record: record, templateTokens: templateTokens)
        defer { diagnostics.append(contentsOf: inspection.diagnostics) }
        if isBlank(record) {
            inspection.report(.emptyLine, "empty line: JSONL holds one record per line", span: 0..<record.lineRange.count,
                              fixes: [inspection.deleteLine(title: "Delete the empty line")])
            return nil
        }
        if let error = record.syntaxError {
            reportSyntaxError(error, &inspection)
            return nil
        }
        reportDuplicateKeys(&inspection)
        guard let root = record.rootObject else {
            inspection.report(.notAnObject, "a record must be a JSON object, found \(inspection.kindName(0))", node: 0)
            return nil
        }
        let detection = SchemaDetector.detect(record)
        switch detection.schema {
        case .messages, .sharegpt:
            let dialect = detection.schema == .messages ? messagesDialect : shareGPTDialect
            let list = detection.anchorKey! + 1
            ConversationChecker(dialect: dialect, isWholeConversation: true).check(list: list, key: detection.anchorKey, in: &inspection)
        case .unknown:
            UnknownSchemaReport.report(root: root, in: &inspection)
        default:
            PairSchemaChecks(messagesDialect: messagesDialect).check(detection.schema, root: root, in: &inspection)
        }
        return SchemaFact(schema: detection.schema, sample: sample(of: detection, root: root, record))
    }

    public func makeAggregate() -> SchemaAggregate { SchemaAggregate() }

    private func isBlank(_ record: ParsedRecord) -> Bool {
        record.withLineBytes { line in line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
    }

    private func reportSyntaxError(_ error: JSONSyntaxError, _ inspection: inout RecordInspection) {
        let code: FormatCode = switch error.kind {
        case .syntax: .invalidJSON
        case .encoding: .invalidUTF8
        case .depth: .tooDeep
        }
        inspection.report(code, error.message, span: error.offset..<(error.offset + error.length))
    }

    private func reportDuplicateKeys(_ inspection: inout RecordInspection) {
        let record = inspection.record
        for duplicate in record.duplicateKeys {
            inspection.report(.duplicateKey, "duplicate key '\(record.string(duplicate.keyNode))': readers keep only one of the values",
                              node: duplicate.keyNode,
                              related: [RelatedInformation(range: record.range(ofNode: duplicate.firstKeyNode), message: "first defined here")])
        }
    }

    private func sample(of detection: SchemaDetection, root: Int, _ record: ParsedRecord) -> SchemaTally.Sample {
        let range = detection.anchorKey.map { record.range(ofNode: $0) } ?? record.range(of: record[root].start..<(record[root].start + 1))
        return SchemaTally.Sample(line: record.lineNumber, utf8Span: range.start.utf8Column..<range.end.utf8Column,
                                  utf16Span: range.start.utf16Column..<range.end.utf16Column)
    }
}
