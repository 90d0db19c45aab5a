/// What libphonenumber says about a candidate that it could read as a phone number.
///
/// Reading is lenient: "#123456789" and "1.2.3.4" read as (impossible) US numbers. Only `isValid` means the
/// digits fit a real numbering plan, so a PII check should require it. Even then, ranges that exist only in
/// fiction are valid to libphonenumber: US 555-0100…555-0199 numbers are valid `fixedLineOrMobile` numbers.
public struct PhoneNumberInfo: Sendable, Hashable {
    /// The length fits the region's numbering plan (cheap, and true for many non-numbers).
    public let isPossible: Bool
    /// The digits match the region's numbering plan.
    public let isValid: Bool
    /// The number in E.164 form, e.g. "+441632960123". Only meaningful when `isValid`: for an invalid number
    /// libphonenumber may keep a national prefix it could not place ("+33061234567").
    public let e164: String
    /// The country calling code, e.g. 44.
    public let countryCode: Int
    /// The ISO 3166-1 region the number belongs to ("GB"), "001" for non-geographic numbers (global
    /// services), or nil when no region claims it (every invalid number).
    public let regionCode: String?
    /// The kind of line; `.unknown` unless `isValid`.
    public let type: PhoneNumberType

    public init(isPossible: Bool, isValid: Bool, e164: String, countryCode: Int, regionCode: String?,
                type: PhoneNumberType) {
        self.isPossible = isPossible
        self.isValid = isValid
        self.e164 = e164
        self.countryCode = countryCode
        self.regionCode = regionCode
        self.type = type
    }
}
