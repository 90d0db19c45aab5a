import Diagnostics
@testable import PIIStage
import Testing

@Test func datesCalledBirthDatesAreReported() {
    for (text, date) in [("I was born on April 18, 1952.", "April 18, 1952"), ("DOB: 07/30/1947", "07/30/1947"),
                         ("Date of birth: 1985-07-07", "1985-07-07"), ("Geburtsdatum: 30.07.1947", "30.07.1947"),
                         ("Née le 18 avril 1952.", "18 avril 1952"), ("生年月日：1992年3月4日", "1992年3月4日"),
                         ("The patient's date of birth is 18 April 1952.", "18 April 1952"),
                         ("Fecha de nacimiento: 25/12/1980", "25/12/1980")] {
        guard let (diagnostic, covered) = single(text) else { continue }
        #expect(diagnostic.code == PIICode.dateOfBirth.code, "\(text)")
        #expect(diagnostic.severity == .warning)
        #expect(covered == date, "\(text)")
        #expect(!diagnostic.message.contains(date))
    }
}

@Test func otherDatesAndImpossibleDatesAreNotBirthDates() {
    #expect(codes("The meeting is on 18/04/2024.") == [])
    #expect(codes("Der Termin ist am 30.07.2025.") == [])
    #expect(codes("DOB: 31/02/1980") == [])  // no 31 February
    #expect(codes("DOB: 13/13/1980") == [])
    #expect(codes("born on 01/01/1800") == [])  // too long ago
    #expect(codes("stubborn 12/05/1990") == [])
}

@Test func birthDateInsideEscapedStringHasExactRange() {
    let line = #"{"text": "\u00c9t\u00e9\n\"DOB: 07/30/1947\" ok"}"#
    let found = check(line)
    #expect(found.map(\.code.rawValue) == ["pii/date-of-birth"])
    guard let diagnostic = found.first else { return }
    #expect(covered(diagnostic, in: line) == "07/30/1947")
    #expect(applyingFix(diagnostic, to: line) == #"{"text": "\u00c9t\u00e9\n\"DOB: [DATE]\" ok"}"#)
}

@Test func calendarDatesAreReadBothWaysRound() {
    #expect(CalendarDate(Array("07/30/1947".utf8)[...]) == CalendarDate(year: 1947, month: 7, day: 30))
    #expect(CalendarDate(Array("30/07/1947".utf8)[...]) == CalendarDate(year: 1947, month: 7, day: 30))
    #expect(CalendarDate(Array("29.02.2001".utf8)[...]) == nil)
    #expect(CalendarDate(Array("29.02.2000".utf8)[...]) == CalendarDate(year: 2000, month: 2, day: 29))
}

@Test func birthLabelsWrittenWithUnicodeEscapesAreFound() {
    for (line, date) in [(#"{"text": "N\u00e9 le 03.09.1939."}"#, "03.09.1939"),
                         (#"{"text": "\u751f\u5e74\u6708\u65e5\uff1a10/21/1938"}"#, "10/21/1938")] {
        let found = check(line)
        #expect(found.map(\.code.rawValue) == ["pii/date-of-birth"], "\(line)")
        if let diagnostic = found.first { #expect(covered(diagnostic, in: line) == date) }
    }
}

@Test func cjkBirthDateEndsAtItsDayCharacter() {
    guard let (_, covered) = single("生年月日は1992年3月4日です。") else { return }
    #expect(covered == "1992年3月4日")
}
