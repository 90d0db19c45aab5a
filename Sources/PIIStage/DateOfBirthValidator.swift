import Diagnostics

/// Dates of birth: a date that the label before it calls a birth date ("born on", "DOB:", "Geburtsdatum:",
/// "生年月日："), which must be a real calendar date in the past 130 years.
extension Validator {
    /// Birth labels, lower case (ASCII letters lowered only), as `LabelledValue.birthDate` matches them.
    static let birthLabels = ["date of birth", "date de naissance", "fecha de nacimiento", "data de nascimento",
                              "data di nascita", "geburtsdatum", "birth date", "birthdate", "birthday", "geboren",
                              "d.o.b", "born", "dob", "née le", "né le", "nee le", "ne le", "nacido el", "nacida el",
                              "nato il", "nata il", "生年月日", "出生日期"]

    private static let birthLabelBytes = Bytes.utf8(birthLabels)

    /// The length of the birth label at `offset`, if one starts there (the expression has matched the rest).
    func birthLabelLength(at offset: Int) -> Int? {
        Self.birthLabelBytes.first { Bytes.hasPrefixIgnoringASCIICase(bytes[offset...], $0) }?.count
    }

    static let latestBirthYear = 2025

    /// `range` is the label; the date after it (past a colon, "on", "is"…) is the hit.
    func dateOfBirth(_ range: Range<Int>, labelEnd: Int) -> Hit? {
        guard let dateStart = firstDateCharacter(labelEnd..<min(bytes.count, labelEnd + 16)),
              let (dateRange, date) = dateAfter(dateStart),
              (Self.latestBirthYear - 130...Self.latestBirthYear).contains(date.year) else { return nil }
        return Hit(.dateOfBirth, dateRange, confidence: 0.9,
                   "date of birth in \(date.year / 10 * 10)s (confidence 90%)")
    }

    /// The longest text from `start` that reads as a calendar date and ends where a word or number ends.
    private func dateAfter(_ start: Int) -> (Range<Int>, CalendarDate)? {
        let limit = min(bytes.count, start + 32)
        var end = limit
        while end > start + 5 {
            let last = bytes[end - 1]
            let endsToken = end == bytes.count || !Bytes.isAlnum(bytes[end])
            if endsToken, Bytes.isDigit(last) || last >= 0x80, let date = CalendarDate(bytes[start..<end]) {
                return (start..<end, date)
            }
            end -= 1
        }
        return nil
    }

    /// After the label, the colon, "is", "は" and spaces, where the date begins.
    private func firstDateCharacter(_ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        let skipped: [[UInt8]] = [Array(" ".utf8), Array(":".utf8), Array("：".utf8), Array("は".utf8), Array("\t".utf8),
                                  Array("on ".utf8), Array("in ".utf8), Array("am ".utf8), Array("is ".utf8),
                                  Array("ist ".utf8), Array("est ".utf8), Array("es ".utf8), Array("was ".utf8),
                                  Array(".".utf8)]
        var advanced = true
        while advanced && index < range.upperBound {
            advanced = false
            for word in skipped where bytes[index...].starts(with: word) {
                index += word.count
                advanced = true
                break
            }
        }
        return index < range.upperBound ? index : nil
    }
}
