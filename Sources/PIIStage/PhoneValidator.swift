import Diagnostics
import PhoneNumbers

/// Phone numbers: shape rules first (cheap, and what keeps dates, versions, ISBNs and IDs out), then
/// libphonenumber, which must call the number valid in its numbering plan.
extension Validator {
    /// Regions whose national forms are read without a "+": the US (and with it Canada, which shares +1), the
    /// UK, Germany, France, India, Brazil, Japan, China, Spain and Italy; the first that accepts the number names it.
    static let phoneRegions = ["US", "GB", "DE", "FR", "IN", "BR", "JP", "CN", "ES", "IT"]

    func phone(_ range: Range<Int>) -> Hit? {
        guard digitBoundaryBefore(range.lowerBound), digitBoundaryAfter(range.upperBound),
              !continuesAfterSpace(range), !continuesIdentifier(range.lowerBound), !continuesIBAN(range.lowerBound)
        else { return nil }
        let slice = bytes[range]
        let digits = slice.filter(Bytes.isDigit)
        guard (7...15).contains(digits.count) else { return nil }
        let hasPlus = slice.first == UInt8(ascii: "+")
        // No national number of these regions is longer than twelve digits with its trunk prefix; a longer run
        // without "+" is a card, a timestamp or an ID (an international "00" prefix aside).
        if !hasPlus && digits.count > 12 && !digits.starts(with: [0x30, 0x30]) { return nil }
        guard PhoneShape(slice, hasPlus: hasPlus)?.isPlausible == true else { return nil }
        let formatted = hasPlus || slice.contains { !Bytes.isDigit($0) }
        // Every national form of the regions read without "+" has ten digits or more (with its trunk prefix),
        // except some German and Italian numbers, which then need a context word ("555-1234" lacks an area
        // code). A bare run of digits is an ID, a timestamp or an amount far more often than a phone number.
        let shortNational = !hasPlus && digits.count < 10
        if shortNational && digits.first != UInt8(ascii: "0") && !Self.mayBeShortNational(digits) { return nil }
        let needsContext = shortNational || !formatted
        let context = hasWord(Self.phoneContextWords, near: range)
        if needsContext && !context { return nil }
        // "Order 2024-735184", "S/N: 47778-57238": the text says what else the number is.
        if !context && hasWord(Self.otherNumberWords, near: range, after: 0) { return nil }
        let text = Bytes.text(slice)
        // libphonenumber calls Ofcom's drama ranges invalid in the UK (and may then read them as another
        // country's number), so they are recognized from the digits first.
        let national = hasPlus && digits.starts(with: Array("44".utf8)) ? [UInt8(ascii: "0")] + digits.dropFirst(2) : Array(digits)
        if national.count == 11, Self.ukDramaPrefixes.contains(where: { national.starts(with: Array($0.utf8)) }) {
            return Hit(.phone, range, confidence: 0.95, severity: .info,
                       "fictional phone number +44 …\(Bytes.text(national.suffix(2)[...])) (GB): an Ofcom range reserved for drama")
        }
        var found: PhoneNumberInfo?
        if hasPlus {
            found = PhoneNumberValidator.validate(text, defaultRegion: "ZZ").flatMap { $0.isValid ? $0 : nil }
        } else {
            for region in Self.phoneRegions where Self.mayBeValid(digits, in: region) {
                if let info = PhoneNumberValidator.validate(text, defaultRegion: region), info.isValid {
                    found = info
                    break
                }
            }
        }
        guard let info = found else { return nil }
        let masked = "+\(info.countryCode) …" + String(info.e164.suffix(2))
        let region = info.regionCode.map { " (\($0))" } ?? ""
        if let fiction = Self.fictionalRange(info) {
            return Hit(.phone, range, confidence: 0.95, severity: .info, "fictional phone number \(masked)\(region): \(fiction)")
        }
        let confidence = min(0.99, (hasPlus ? 0.93 : 0.88) + (context ? 0.05 : 0))
        return Hit(.phone, range, confidence: confidence,
                   "phone number \(masked)\(region) (confidence \(Self.percent(confidence)))")
    }

    /// False when the digits alone show that libphonenumber would call a number written without "+" invalid in
    /// `region`, which saves asking it (a third of its calls went to the US for numbers with a trunk "0"). Only
    /// the US is judged: its national numbers are ten digits, the first 2–9, after an optional trunk "1"; a
    /// number dialled through its international prefix 011 is left to libphonenumber.
    static func mayBeValid(_ digits: [UInt8], in region: String) -> Bool {
        guard region == "US", !digits.starts(with: [0x30, 0x31, 0x31]) else { return true }
        let national = digits.count == 11 && digits[0] == UInt8(ascii: "1") ? digits.dropFirst() : digits[...]
        return national.count == 10 && national.first! >= UInt8(ascii: "2")
    }

    /// True when a space (or the candidate's own separator) and more digits follow or precede the candidate:
    /// it is then a piece of a longer list of numbers (a card, a table row), not a phone number.
    func continuesAfterSpace(_ range: Range<Int>) -> Bool {
        let separators: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: ".")]
        if range.upperBound + 1 < bytes.count, separators.contains(bytes[range.upperBound]),
           Bytes.isDigit(bytes[range.upperBound + 1]) { return true }
        if range.lowerBound >= 2, separators.contains(bytes[range.lowerBound - 1]),
           Bytes.isDigit(bytes[range.lowerBound - 2]) { return true }
        return false
    }

    /// Ofcom's numbers for drama, in national form: mobile 07700 900xxx, London 020 7946 0xxx, and the
    /// 0113/0114/0115/0116/0117/0118/0121/0131/0141/0151/0161/0191 496 0xxx ranges.
    static let ukDramaPrefixes = ["07700900", "02079460"] + ["0113", "0114", "0115", "0116", "0117", "0118", "0121",
                                                              "0131", "0141", "0151", "0161", "0191"].map { $0 + "4960" }

    /// NANP's 555-0100…0199, set aside for fiction.
    static func fictionalRange(_ info: PhoneNumberInfo) -> String? {
        let e164 = info.e164
        if info.countryCode == 1, e164.count == 12 {
            let national = Array(e164.utf8.dropFirst(2))
            if national[3...5].elementsEqual("555".utf8), national[6] == UInt8(ascii: "0"), national[7] == UInt8(ascii: "1") {
                return "555-01XX is reserved for fiction"
            }
        }
        return nil
    }
}
