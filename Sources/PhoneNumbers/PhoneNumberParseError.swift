internal import CPhoneNumbers

/// Why a candidate could not be read as a phone number at all.
public enum PhoneNumberParseError: Error, Sendable, Hashable {
    /// Written without "+" and the default region is unknown, or written with an unassigned "+" code.
    case invalidCountryCode
    /// No phone number in it: too few digits, or characters a number never contains (":" in a time).
    case notANumber
    /// Too few digits after an international dialling prefix ("011", "00").
    case tooShortAfterInternationalPrefix
    /// Too few digits for any number.
    case tooShort
    /// Too many digits for any number (more than 17), or more than 250 bytes of text.
    case tooLong
    /// libphonenumber failed internally (it threw, e.g. out of memory).
    case internalError

    init(_ status: datalint_phone_status) {
        self = switch status {
        case DATALINT_PHONE_INVALID_COUNTRY_CODE: .invalidCountryCode
        case DATALINT_PHONE_NOT_A_NUMBER: .notANumber
        case DATALINT_PHONE_TOO_SHORT_AFTER_IDD: .tooShortAfterInternationalPrefix
        case DATALINT_PHONE_TOO_SHORT_NSN: .tooShort
        case DATALINT_PHONE_TOO_LONG_NSN: .tooLong
        default: .internalError
        }
    }
}
