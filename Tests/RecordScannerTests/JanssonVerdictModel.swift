#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RecordScanner

/// Predicts jansson's verdict on a line from the scanner's result and the documented differences, nothing else.
///
/// The differential test checks jansson against this prediction on every line, so each rule here must match
/// jansson exactly: too broad and a rule would hide scanner bugs, too narrow and the test fails.
struct JanssonVerdictModel {
    struct Prediction {
        var janssonAccepts: Bool
        /// Why jansson's verdict differs from the scanner's; empty when they agree.
        var differences: [DocumentedDifference]
    }

    /// jansson's `JSON_PARSER_MAX_DEPTH`, which counts every value on the path, scalars included.
    static let janssonMaximumDepth = 2048

    static func predict(_ line: [UInt8], scanned: ParsedRecord, scanner: inout RecordScanner) -> Prediction {
        var record = scanned
        var bytes = line
        var nulReadAsWhitespace = false
        while let error = record.syntaxError, endsTokenWithNul(record, error, bytes) {
            bytes[error.offset] = 0x20
            nulReadAsWhitespace = true
            record = scanner.scan(bytes)
        }
        guard record.syntaxError == nil else { return Prediction(janssonAccepts: false, differences: []) }
        let refusals = janssonRefusals(of: record)
        if !refusals.isEmpty {
            // When the scanner rejected the original line, both reject, for different reasons.
            return Prediction(janssonAccepts: false, differences: nulReadAsWhitespace ? [] : refusals)
        }
        return Prediction(janssonAccepts: true, differences: nulReadAsWhitespace ? [.nulByteAfterToken] : [])
    }

    /// True when the scanner stopped at a NUL byte that directly follows a number or literal it had finished:
    /// the byte jansson reads ahead to end such a token, then loses when it pushes it back.
    private static func endsTokenWithNul(_ record: ParsedRecord, _ error: JSONSyntaxError, _ bytes: [UInt8]) -> Bool {
        guard error.offset < bytes.count, bytes[error.offset] == 0, let last = record.nodes.last else { return false }
        switch last.kind {
        case .number, .trueLiteral, .falseLiteral, .null: return last.end == error.offset
        case .object, .array, .string: return false
        }
    }

    /// What jansson refuses in a line the scanner accepts.
    private static func janssonRefusals(of record: ParsedRecord) -> [DocumentedDifference] {
        var refusals: Set<DocumentedDifference> = []
        var openContainerEnds: [Int] = []
        for index in record.nodes.indices {
            while let end = openContainerEnds.last, end <= index { openContainerEnds.removeLast() }
            if openContainerEnds.count >= janssonMaximumDepth { refusals.insert(.scalarInsideDeepestContainer) }
            let node = record.nodes[index]
            switch node.kind {
            case .object:
                openContainerEnds.append(node.next)
                for member in record.members(of: index) where record[member.key].hasEscapes {
                    if record.decodedBytes(member.key).contains(0) { refusals.insert(.nulEscapeInKey) }
                }
            case .array:
                openContainerEnds.append(node.next)
            case .number:
                if let refusal = numberRefusal(record.rawText(index)) { refusals.insert(refusal) }
            case .string, .trueLiteral, .falseLiteral, .null:
                break
            }
        }
        return refusals.sorted()
    }

    /// jansson reads a number without fraction or exponent with `strtoll`, anything else with `strtod`, and
    /// fails on ERANGE overflow (underflow to zero is accepted).
    private static func numberRefusal(_ text: String) -> DocumentedDifference? {
        if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            return Int64(text) == nil ? .integerBeyondInt64 : nil
        }
        errno = 0
        let value = strtod(text, nil)
        return value.isInfinite && errno == ERANGE ? .realBeyondDouble : nil
    }
}
