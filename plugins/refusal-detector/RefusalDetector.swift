// refusal-detector: flags assistant turns that refuse or open with AI boilerplate ("As an AI language model…",
// "I'm sorry, but I can't…"), issue 7's example of a stage plugin written in Swift. A stage instance is this
// class, handed to datalint as an opaque pointer (StageEntry.swift).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import DatalintStageABI

final class RefusalDetector {
    /// Borrowed from datalint until `destroy`.
    private let host: UnsafePointer<datalint_host>
    private let phrases: RefusalPhrases
    private let severity: datalint_severity

    init(host: UnsafePointer<datalint_host>, configuration: Configuration) {
        self.host = host
        phrases = RefusalPhrases(configuration.phrases)
        severity = configuration.severity
    }

    /// Reports every assistant text of the batch that holds a phrase.
    func process(_ records: UnsafeBufferPointer<datalint_record>) -> Int32 {
        let decoder = JSONDecoder()
        for record in records {
            guard let json = record.json else { continue }
            let bytes = UnsafeRawBufferPointer(start: json, count: record.length)
            // Records that are not JSON objects are the format stage's to report.
            guard let turns = try? decoder.decode(AssistantTurns.self, from: Data(bytes)) else { continue }
            for turn in turns.texts {
                guard let phrase = phrases.firstMatch(in: turn.text) else { continue }
                report(line: record.line, pointer: turn.pointer,
                       message: "assistant turn is a refusal or boilerplate (\"\(phrase)\")")
            }
        }
        return DATALINT_OK
    }

    private func report(line: UInt64, pointer: String, message: String) {
        "refusal-detector/refusal".withCString { code in
            message.withCString { message in
                pointer.withCString { pointer in
                    var diagnostic = datalint_diagnostic()
                    diagnostic.struct_size = UInt32(MemoryLayout<datalint_diagnostic>.size)
                    diagnostic.line = line
                    diagnostic.code = code
                    diagnostic.severity = Int32(bitPattern: severity.rawValue)
                    diagnostic.message = message
                    diagnostic.json_pointer = pointer
                    diagnostic.byte_start = -1
                    diagnostic.byte_end = -1
                    // datalint copies the diagnostic before returning, so the borrowed C strings suffice.
                    _ = host.pointee.emit_diagnostic?(host.pointee.context, &diagnostic)
                }
            }
        }
    }
}
