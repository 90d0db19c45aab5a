/// How a phone candidate is written: its digit groups and the separators between them.
///
/// The shape rules keep out what only looks like a number: dates, IP addresses and versions, ISBN-like
/// single-digit groups, card layouts, amounts with thousands separators, year-prefixed IDs.
struct PhoneShape {
    /// The digits of each group, in order; with "+", the first is the country code.
    private(set) var groups: [ArraySlice<UInt8>] = []
    private(set) var separators: [UInt8] = []
    private(set) var hasParentheses = false
    let hasPlus: Bool

    /// Nil when separators are doubled ("555 - 1234") or parentheses unbalanced or repeated.
    init?(_ slice: ArraySlice<UInt8>, hasPlus: Bool) {
        self.hasPlus = hasPlus
        var groupStart: Int?
        var previousWasSeparator = false
        var openParens = 0, closeParens = 0
        var index = slice.startIndex + (hasPlus ? 1 : 0)
        while index < slice.endIndex {
            let byte = slice[index]
            if Bytes.isDigit(byte) {
                if groupStart == nil { groupStart = index }
                previousWasSeparator = false
                index += 1
                continue
            }
            if let start = groupStart { groups.append(slice[start..<index]) }
            groupStart = nil
            // "+33 (0)3 75 56 01 80", "+49(0)7365 37333": the trunk prefix, shown in parentheses after the
            // country code, is no group of its own.
            if hasPlus, groups.count == 1, Self.isTrunkInParentheses(slice, at: index) {
                index += 3
                continue
            }
            switch byte {
            case UInt8(ascii: "("):
                openParens += 1
                if closeParens > 0 { return nil }
            case UInt8(ascii: ")"):
                closeParens += 1
                if openParens != 1 { return nil }
            default:
                if previousWasSeparator { return nil }
                previousWasSeparator = true
                separators.append(byte)
            }
            index += 1
        }
        if let start = groupStart { groups.append(slice[start..<slice.endIndex]) }
        guard openParens == closeParens, openParens <= 1 else { return nil }
        hasParentheses = openParens == 1
    }

    private static func isTrunkInParentheses(_ slice: ArraySlice<UInt8>, at index: Int) -> Bool {
        index + 2 < slice.endIndex && slice[index] == UInt8(ascii: "(") && slice[index + 1] == UInt8(ascii: "0")
            && slice[index + 2] == UInt8(ascii: ")")
    }

    var isPlausible: Bool {
        let lengths = groups.map(\.count)
        guard separatorsAreConsistent, !looksDotted(lengths), !hasStraySingleDigitGroup(lengths) else { return false }
        // 4711-2024-0815: groups of four throughout are IDs and card fragments, no national format.
        if lengths.count >= 3 && lengths.allSatisfy({ $0 == 4 }) { return false }
        // 3022-109937-0142, 3771 117951 13132: Diners and Amex card layouts.
        if lengths == [4, 6, 4] || lengths == [4, 6, 5] { return false }
        guard !hasPlus else { return true }
        // 619 573 553 491, 73 785 922 573: an amount or a serial with thousands separators.
        if lengths.count >= 4 && lengths[0] <= 3 && lengths.dropFirst().allSatisfy({ $0 == 3 }) { return false }
        // Dates: 2024-01-15, 15.01.2024, 01/15/24.
        if !hasParentheses, Set(separators).count == 1,
           lengths == [4, 2, 2] || lengths == [2, 2, 4] || lengths == [2, 2, 2] { return false }
        // 2023-113368: a year, then a serial (invoices, orders).
        if lengths == [4, 6] || lengths == [4, 5] || lengths == [4, 7], Self.isYear(groups[0]) { return false }
        return true
    }

    /// One kind of separator, except a space after the area code in parentheses or the country code, and the
    /// Brazilian "84 4433-1649" (area code, a space, the subscriber number with a hyphen).
    private var separatorsAreConsistent: Bool {
        let kinds = Set(separators)
        if kinds.count <= 1 { return true }
        guard kinds == [UInt8(ascii: " "), UInt8(ascii: "-")] else { return false }
        return hasParentheses || hasPlus || separators == [UInt8(ascii: " "), UInt8(ascii: "-")]
    }

    /// 192.168.1.1, 1.2.3, 10.0.0.12: dotted groups this short are addresses and versions.
    private func looksDotted(_ lengths: [Int]) -> Bool {
        guard separators.contains(UInt8(ascii: ".")) else { return false }
        return (lengths.count == 4 && lengths.allSatisfy { $0 <= 3 }) || lengths.contains(1)
    }

    /// ISBNs and part numbers have single-digit groups; phones have none, but for a one-digit country code, the
    /// group after a country code ("+33 6 12 34 56 78") and North America's trunk "1" ("1-251-241-5069").
    private func hasStraySingleDigitGroup(_ lengths: [Int]) -> Bool {
        for (index, length) in lengths.enumerated() where length == 1 {
            if hasPlus && index <= 1 { continue }
            if !hasPlus && index == 0 && lengths == [1, 3, 3, 4] && groups[0].first == UInt8(ascii: "1") { continue }
            return true
        }
        return false
    }

    private static func isYear(_ digits: ArraySlice<UInt8>) -> Bool {
        let value = digits.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
        return (1900...2099).contains(value)
    }
}
