// The only file that knows libphonenumber is C++. Every entry point catches every exception: an exception
// unwinding into Swift frames is undefined behaviour.

#include "CPhoneNumbers.h"

#include <cstdio>
#include <cstring>
#include <string>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// libphonenumber refuses longer input itself (kMaxInputStringLength); checking first avoids copying a
// multi-megabyte string into a std::string only to have it refused.
constexpr size_t kMaxCandidateLength = 250;

// Copies `value` into a fixed buffer, truncating rather than overflowing. The buffers are sized for the
// longest value libphonenumber can produce, so truncation would only ever hide a library change.
template <size_t N>
void copyString(char (&buffer)[N], const std::string &value) {
    std::snprintf(buffer, N, "%s", value.c_str());
}

datalint_phone_status parse(const char *text, size_t length, const char *default_region,
                            datalint_phone_info *info) {
    if (length > kMaxCandidateLength) return DATALINT_PHONE_TOO_LONG_NSN;

    // GetInstance is a pthread_once singleton on Linux (Debian builds the POSIX flavour), and every method
    // used below is const; the regular-expression cache they share is guarded by a mutex inside the library.
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();

    PhoneNumber number;
    const PhoneNumberUtil::ErrorType error =
        util.Parse(std::string(text, length), std::string(default_region), &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
        return static_cast<datalint_phone_status>(error);
    }

    const PhoneNumberUtil::ValidationResult possibility = util.IsPossibleNumberWithReason(number);
    info->possibility = possibility;
    info->is_possible = possibility == PhoneNumberUtil::IS_POSSIBLE;
    info->country_code = number.country_code();
    info->national_number = number.national_number();

    // The region lookup runs the regions' patterns (25 of them for +1); IsValidNumber would do it again, and is
    // exactly IsValidNumberForRegion on that region. A number that is not even possible is never valid.
    std::string region;
    util.GetRegionCodeForNumber(number, &region);
    copyString(info->region, region);
    info->is_valid = info->is_possible && util.IsValidNumberForRegion(number, region);
    info->type = info->is_valid ? util.GetNumberType(number) : PhoneNumberUtil::UNKNOWN;

    std::string formatted;
    util.Format(number, PhoneNumberUtil::E164, &formatted);
    copyString(info->e164, formatted);
    return DATALINT_PHONE_PARSED;
}

}  // namespace

extern "C" datalint_phone_status datalint_phone_parse(const char *text, size_t length,
                                                      const char *default_region, datalint_phone_info *info) {
    if (text == nullptr || default_region == nullptr || info == nullptr) return DATALINT_PHONE_BAD_ARGUMENT;
    std::memset(info, 0, sizeof *info);
    try {
        const datalint_phone_status status = parse(text, length, default_region, info);
        if (status != DATALINT_PHONE_PARSED) std::memset(info, 0, sizeof *info);
        return status;
    } catch (...) {
        std::memset(info, 0, sizeof *info);
        return DATALINT_PHONE_INTERNAL_ERROR;
    }
}
