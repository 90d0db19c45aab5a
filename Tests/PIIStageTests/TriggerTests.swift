import MultiPatternScanning
@testable import PIIStage
import Testing

/// Which strings the literal triggers send to the precise pass: every string a trigger fires in costs a decode
/// and a scan, so words that merely contain a label must not fire.
@Suite struct TriggerTests {
    func firedDetectors(_ text: String) throws -> DetectorSet {
        let matches = try Scratch(for: TriggerDatabase.literal).scan(Array(text.utf8))
        var fired = DetectorSet()
        for match in matches { fired.formUnion(Trigger.all[Int(match.id)].detectors) }
        return fired
    }

    @Test func birthLabelsFireOnlyAsWords() throws {
        #expect(try firedDetectors("En Córdoba, la Mezquita es impresionante.").contains(.assignment) == false)
        #expect(try firedDetectors("a stubborn bug").contains(.assignment) == false)
        #expect(try firedDetectors("DOB: 1990-04-12").contains(.assignment))
        #expect(try firedDetectors("She was born on 12 April 1990").contains(.assignment))
        #expect(try firedDetectors("date of birth 12/04/1990").contains(.assignment))
        #expect(try firedDetectors(#"{"content":"Name: Ana\nDOB: 1990-04-12"}"#).contains(.assignment))
        #expect(try firedDetectors(#"{"content":"Ana\tborn 1990"}"#).contains(.assignment))
    }
}
