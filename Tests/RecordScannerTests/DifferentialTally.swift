import Jansson
import RecordScanner

/// What the differential test saw, by where the lines came from.
struct DifferentialTally {
    enum Source: String, CaseIterable {
        case corpus = "edge-case corpus"
        case valid = "generated"
        case edgeValues = "generated with edge values"
        case mutated = "mutated"
        case mutatedEdgeValues = "mutated with edge values"
        case deep = "nested near 2048"
        case mutatedDeep = "mutated nested near 2048"
    }

    struct Counts {
        var lines = 0
        var bothAccept = 0
        var bothReject = 0
    }

    var counts: [Source: Counts] = [:]
    var differences: [DocumentedDifference: Int] = [:]
    /// Lines both accept that repeat a key, which jansson's JSON_REJECT_DUPLICATES also found.
    var duplicateKeyLines = 0
    /// Lines where jansson did not do what the model predicted, or where the tapes differ.
    var failures: [String] = []

    var total: Int { counts.values.reduce(0) { $0 + $1.lines } }

    mutating func record(_ source: Source, scannerAccepts: Bool, janssonAccepts: Bool,
                         differences lineDifferences: [DocumentedDifference]) {
        counts[source, default: Counts()].lines += 1
        switch (scannerAccepts, janssonAccepts) {
        case (true, true): counts[source, default: Counts()].bothAccept += 1
        case (false, false): counts[source, default: Counts()].bothReject += 1
        default: for difference in lineDifferences { differences[difference, default: 0] += 1 }
        }
    }

    var summary: String {
        var lines = ["differential test against jansson \(JanssonParser.libraryVersion): \(total) lines"]
        for source in Source.allCases {
            let count = counts[source, default: Counts()]
            lines.append("  \(source.rawValue): \(count.lines) lines, \(count.bothAccept) accepted by both, "
                         + "\(count.bothReject) rejected by both")
        }
        lines.append("  accepted lines with a repeated key (scanner and jansson agree): \(duplicateKeyLines)")
        lines.append("  documented differences:")
        for difference in DocumentedDifference.allCases {
            lines.append("    \(difference.rawValue): \(differences[difference, default: 0])")
        }
        lines.append("  unexplained: \(failures.count)")
        return lines.joined(separator: "\n")
    }

    /// A line as readable text: printable ASCII as is, everything else as \xNN; long lines elided.
    static func show(_ line: [UInt8]) -> String {
        let shown = line.count > 160 ? Array(line.prefix(80)) + Array("…".utf8) + Array(line.suffix(40)) : line
        return shown.map { byte in
            guard byte < 0x20 || byte >= 0x7F else { return String(UnicodeScalar(byte)) }
            let digits = String(byte, radix: 16)
            return "\\x" + (digits.count == 1 ? "0" + digits : digits)
        }
            .joined()
    }
}
