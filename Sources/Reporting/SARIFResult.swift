import DatasetText
import Diagnostics

/// How one diagnostic becomes a SARIF `result`.
extension SARIFRenderer {
    func writeResult(_ item: FileDiagnostic, ruleIndex: Int, to json: inout JSONWriter) {
        let diagnostic = item.diagnostic
        let uri = ArtifactURI.uri(forPath: item.file)
        json.object { json in
            json.member("ruleId", diagnostic.code.rawValue)
            json.member("ruleIndex", ruleIndex)
            json.member("level", diagnostic.severity.sarifLevel)
            json.object("message") { json in json.member("text", diagnostic.message) }
            json.array("locations") { json in
                json.object { json in writePhysicalLocation(uri: uri, range: diagnostic.range, to: &json) }
            }
            if let recordHash = item.recordHash {
                json.object("partialFingerprints") { json in
                    json.member(Self.recordFingerprintKey, Self.recordFingerprint(recordHash, diagnostic.range))
                }
            }
            if !diagnostic.related.isEmpty {
                json.array("relatedLocations") { json in
                    for (index, related) in diagnostic.related.enumerated() {
                        writeRelatedLocation(related, id: index, defaultURI: uri, to: &json)
                    }
                }
            }
            // SARIF requires a fix to change something, and the fixes of a result to be distinct.
            var seenFixes = Set<Fix>()
            let fixes = diagnostic.fixes.filter { !$0.edits.isEmpty && seenFixes.insert($0).inserted }
            if !fixes.isEmpty {
                json.array("fixes") { json in
                    for fix in fixes { writeFix(fix, uri: uri, to: &json) }
                }
            }
        }
    }

    /// The fingerprint that lets code scanning follow a finding when records move: the record's content
    /// hash plus the column inside it (one record can hold several findings of one rule).
    static let recordFingerprintKey: StaticString = "datalintRecord/v1"

    static func recordFingerprint(_ recordHash: UInt64, _ range: SourceRange) -> String {
        let hex = String(recordHash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + ":" + String(range.start.utf16Column + 1)
    }

    private func writeRelatedLocation(_ related: RelatedInformation, id: Int, defaultURI: String,
                                      to json: inout JSONWriter) {
        let uri = related.file.map(ArtifactURI.uri(forPath:)) ?? defaultURI
        json.object { json in
            json.member("id", id)
            writePhysicalLocation(uri: uri, range: related.range, to: &json)
            json.object("message") { json in json.member("text", related.message) }
        }
    }

    private func writeFix(_ fix: Fix, uri: String, to json: inout JSONWriter) {
        json.object { json in
            json.object("description") { json in json.member("text", fix.title) }
            json.array("artifactChanges") { json in
                json.object { json in
                    json.object("artifactLocation") { json in json.member("uri", uri) }
                    json.array("replacements") { json in
                        for edit in fix.edits { writeReplacement(edit, to: &json) }
                    }
                }
            }
        }
    }

    private func writeReplacement(_ edit: TextEdit, to json: inout JSONWriter) {
        json.object { json in
            json.object("deletedRegion") { json in writeRegion(edit.range, to: &json) }
            json.object("insertedContent") { json in json.member("text", edit.newText) }
        }
    }

    private func writePhysicalLocation(uri: String, range: SourceRange, to json: inout JSONWriter) {
        json.object("physicalLocation") { json in
            json.object("artifactLocation") { json in json.member("uri", uri) }
            json.object("region") { json in writeRegion(range, to: &json) }
        }
    }

    /// A region in 1-based UTF-16 columns, as the run's `columnKind` declares.
    private func writeRegion(_ range: SourceRange, to json: inout JSONWriter) {
        let start = OneBasedPosition(range.start, columns: .utf16)
        let end = OneBasedPosition(range.end, columns: .utf16)
        json.member("startLine", start.line)
        json.member("startColumn", start.column)
        json.member("endLine", end.line)
        json.member("endColumn", end.column)
    }
}
