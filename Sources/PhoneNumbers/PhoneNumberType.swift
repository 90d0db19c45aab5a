internal import CPhoneNumbers

/// What kind of line a valid number belongs to, as libphonenumber's metadata tells from its digits.
public enum PhoneNumberType: Sendable, Hashable {
    case fixedLine
    case mobile
    /// The region's numbering plan does not tell fixed lines from mobiles (the US and Canada, among others).
    case fixedLineOrMobile
    case tollFree
    case premiumRate
    case sharedCost
    case voip
    case personalNumber
    case pager
    /// A "universal access number" routed to one of a company's offices.
    case uan
    case voicemail
    /// The number fits no known pattern (always the case for invalid numbers).
    case unknown

    init(_ type: Int32) {
        self = switch UInt32(bitPattern: type) {
        case DATALINT_PHONE_FIXED_LINE.rawValue: .fixedLine
        case DATALINT_PHONE_MOBILE.rawValue: .mobile
        case DATALINT_PHONE_FIXED_LINE_OR_MOBILE.rawValue: .fixedLineOrMobile
        case DATALINT_PHONE_TOLL_FREE.rawValue: .tollFree
        case DATALINT_PHONE_PREMIUM_RATE.rawValue: .premiumRate
        case DATALINT_PHONE_SHARED_COST.rawValue: .sharedCost
        case DATALINT_PHONE_VOIP.rawValue: .voip
        case DATALINT_PHONE_PERSONAL_NUMBER.rawValue: .personalNumber
        case DATALINT_PHONE_PAGER.rawValue: .pager
        case DATALINT_PHONE_UAN.rawValue: .uan
        case DATALINT_PHONE_VOICEMAIL.rawValue: .voicemail
        default: .unknown
        }
    }
}
