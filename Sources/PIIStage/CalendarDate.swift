/// A calendar date read from how people write one: `1985-07-07`, `07/30/1947`, `30.07.1947`, `1992年3月4日`,
/// `April 18, 1952`, `18 April 1952`, `18. März 1952`, `18 de abril de 1952`. Only real dates with a four-digit
/// year are read; a numeric date is read day-first or month-first, whichever is a real date.
struct CalendarDate: Equatable {
    let year: Int
    let month: Int
    let day: Int

    /// Month names and their usual abbreviations in English, German, French, Spanish, Italian and Portuguese,
    /// lower case.
    static let monthNames: [String: Int] = {
        let names = [
            ["january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro"],
            ["february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro"],
            ["march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco"],
            ["april", "apr", "avril", "abril", "aprile"],
            ["may", "mai", "mayo", "maggio", "maio"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "junho"],
            ["july", "jul", "juli", "juillet", "julio", "luglio", "julho"],
            ["august", "aug", "août", "aout", "agosto"],
            ["september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro"],
            ["november", "nov", "novembre", "noviembre", "novembro"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "diciembre", "dicembre", "dezembro"],
        ]
        var table: [String: Int] = [:]
        for (index, words) in names.enumerated() { for word in words { table[word] = index + 1 } }
        return table
    }()

    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    init?(_ text: ArraySlice<UInt8>) {
        if let date = Self.numeric(text) ?? Self.cjk(text) ?? Self.named(text) { self = date } else { return nil }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `1985-07-07`, `1985/07/07`, `07/30/1947`, `30.07.1947`, `30-07-1947`.
    private static func numeric(_ text: ArraySlice<UInt8>) -> CalendarDate? {
        let parts = text.split(omittingEmptySubsequences: false) { [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")].contains($0) }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(Bytes.isDigit) }) else { return nil }
        let values = parts.map(number)
        if parts[0].count == 4 { return CalendarDate(year: values[0], month: values[1], day: values[2]) }
        guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
        return CalendarDate(year: values[2], month: values[1], day: values[0])
            ?? CalendarDate(year: values[2], month: values[0], day: values[1])
    }

    /// `1992年3月4日`.
    private static func cjk(_ text: ArraySlice<UInt8>) -> CalendarDate? {
        var values: [Int] = []
        var current: [UInt8] = []
        for byte in text {
            if Bytes.isDigit(byte) { current.append(byte); continue }
            if !current.isEmpty { values.append(number(current[...])); current = [] }
        }
        guard values.count == 3, text.suffix(3).elementsEqual("日".utf8) else { return nil }
        return CalendarDate(year: values[0], month: values[1], day: values[2])
    }

    /// `April 18, 1952`, `18 April 1952`, `18. März 1952`, `18 de abril de 1952`.
    private static func named(_ text: ArraySlice<UInt8>) -> CalendarDate? {
        let words = text.split { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }
            .filter { !$0.elementsEqual("de".utf8) }
        guard words.count == 3, words[2].count == 4, words[2].allSatisfy(Bytes.isDigit) else { return nil }
        let year = number(words[2])
        if let month = monthNames[Bytes.text(Bytes.lowercased(words[0])[...])], words[1].allSatisfy(Bytes.isDigit) {
            return CalendarDate(year: year, month: month, day: number(words[1]))
        }
        if let month = monthNames[Bytes.text(Bytes.lowercased(words[1])[...])], words[0].allSatisfy(Bytes.isDigit) {
            return CalendarDate(year: year, month: month, day: number(words[0]))
        }
        return nil
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.prefix(6).reduce(0) { $0 * 10 + Int($1 &- 0x30) }
    }
}
