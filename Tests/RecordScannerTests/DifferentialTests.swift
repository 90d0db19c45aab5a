import Jansson
import RecordScanner
import Testing

/// The scanner against jansson, the reference: on every line they agree on accept/reject, except where
/// `JanssonVerdictModel` predicts one of the documented differences, and on every line both accept, the
/// scanner's tape says what jansson's value says.
@Test func scannerAgreesWithJanssonExceptForDocumentedDifferences() {
    var generator = JSONLineGenerator(seed: 0xDA7A_11E7)
    var scanner = RecordScanner()
    var tally = DifferentialTally()

    func check(_ line: [UInt8], _ source: DifferentialTally.Source) {
        let record = scanner.scan(line)
        let decoded = try? JSONValue.decode(line)
        let prediction = JanssonVerdictModel.predict(line, scanned: record, scanner: &scanner)
        let scannerAccepts = record.syntaxError == nil
        let janssonAccepts = decoded != nil
        tally.record(source, scannerAccepts: scannerAccepts, janssonAccepts: janssonAccepts,
                     differences: prediction.differences)
        if janssonAccepts != prediction.janssonAccepts || (janssonAccepts != scannerAccepts) == prediction.differences.isEmpty {
            var janssonError = "accepted"
            do { try JanssonParser.validate(line) } catch { janssonError = error.description }
            tally.failures.append("\(DifferentialTally.show(line))\n    scanner: "
                + (record.syntaxError.map { "\($0)" } ?? "accepted") + "\n    jansson: \(janssonError)"
                + "\n    predicted: jansson \(prediction.janssonAccepts ? "accepts" : "rejects"), \(prediction.differences)")
        } else if scannerAccepts, let decoded {
            if let difference = TapeComparison.difference(between: record, and: decoded) {
                tally.failures.append("\(DifferentialTally.show(line))\n    tape differs: \(difference)")
            }
            // Duplicate keys are the scanner's to report; jansson, asked to refuse them, must see the same.
            let janssonFindsDuplicates = (try? JSONValue.decode(line, rejectingDuplicateKeys: true)) == nil
            if janssonFindsDuplicates != !record.duplicateKeys.isEmpty {
                tally.failures.append("\(DifferentialTally.show(line))\n    duplicate keys: scanner found "
                    + "\(record.duplicateKeys.count), jansson \(janssonFindsDuplicates ? "found some" : "found none")")
            }
            if janssonFindsDuplicates { tally.duplicateKeyLines += 1 }
        }
    }

    for line in EdgeCaseCorpus.lines { check(line, .corpus) }
    for _ in 0..<30_000 { check(generator.line(), .valid) }
    for _ in 0..<40_000 { check(generator.mutate(generator.line()), .mutated) }
    generator.edgeValuePercent = 10
    for _ in 0..<15_000 { check(generator.line(), .edgeValues) }
    for _ in 0..<15_000 { check(generator.mutate(generator.line()), .mutatedEdgeValues) }
    generator.edgeValuePercent = 0
    for _ in 0..<600 { check(generator.deepLine(), .deep) }
    for _ in 0..<400 { check(generator.mutate(generator.deepLine()), .mutatedDeep) }

    print(tally.summary)
    #expect(tally.total >= 100_000)
    let unexplained = tally.failures.count
    #expect(unexplained == 0, "\(tally.failures.prefix(25).joined(separator: "\n"))")
    // Each documented difference must actually occur, or its rule is untested.
    for difference in DocumentedDifference.allCases {
        #expect(tally.differences[difference, default: 0] > 0, "\(difference) never occurred")
    }
}
