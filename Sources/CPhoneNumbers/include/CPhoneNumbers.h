#ifndef DATALINT_CPHONENUMBERS_H
#define DATALINT_CPHONENUMBERS_H

// A small C face on libphonenumber (C++), so that Swift never sees a C++ type, template or exception.
// Everything C++ stays in phone_numbers.cpp; this header is plain C and is the target's only public header.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Why a candidate could not be read as a phone number at all. The first six mirror libphonenumber's
// PhoneNumberUtil::ErrorType in order; the last two are this shim's own.
typedef enum {
    DATALINT_PHONE_PARSED = 0,
    DATALINT_PHONE_INVALID_COUNTRY_CODE = 1,  // no "+CC" and an unknown default region, or an unknown CC
    DATALINT_PHONE_NOT_A_NUMBER = 2,
    DATALINT_PHONE_TOO_SHORT_AFTER_IDD = 3,
    DATALINT_PHONE_TOO_SHORT_NSN = 4,
    DATALINT_PHONE_TOO_LONG_NSN = 5,
    DATALINT_PHONE_BAD_ARGUMENT = 100,    // a NULL pointer
    DATALINT_PHONE_INTERNAL_ERROR = 101,  // libphonenumber threw (out of memory); nothing was parsed
} datalint_phone_status;

// Mirrors PhoneNumberUtil::PhoneNumberType in order.
typedef enum {
    DATALINT_PHONE_FIXED_LINE = 0,
    DATALINT_PHONE_MOBILE = 1,
    DATALINT_PHONE_FIXED_LINE_OR_MOBILE = 2,
    DATALINT_PHONE_TOLL_FREE = 3,
    DATALINT_PHONE_PREMIUM_RATE = 4,
    DATALINT_PHONE_SHARED_COST = 5,
    DATALINT_PHONE_VOIP = 6,
    DATALINT_PHONE_PERSONAL_NUMBER = 7,
    DATALINT_PHONE_PAGER = 8,
    DATALINT_PHONE_UAN = 9,
    DATALINT_PHONE_VOICEMAIL = 10,
    DATALINT_PHONE_UNKNOWN = 11,
} datalint_phone_type;

// Mirrors PhoneNumberUtil::ValidationResult in order: why a number is (or is not) of a possible length.
typedef enum {
    DATALINT_PHONE_IS_POSSIBLE = 0,
    DATALINT_PHONE_IS_POSSIBLE_LOCAL_ONLY = 1,
    DATALINT_PHONE_LENGTH_INVALID_COUNTRY_CODE = 2,
    DATALINT_PHONE_TOO_SHORT = 3,
    DATALINT_PHONE_INVALID_LENGTH = 4,
    DATALINT_PHONE_TOO_LONG = 5,
} datalint_phone_possibility;

// What libphonenumber says about one parsed candidate. Fixed-size buffers so the caller owns every byte and
// nothing has to be freed across the boundary.
typedef struct {
    bool is_possible;                         // IsPossibleNumber: a plausible length for the region
    bool is_valid;                            // IsValidNumber: matches the region's numbering plan
    int32_t possibility;                      // a datalint_phone_possibility
    int32_t type;                             // a datalint_phone_type; UNKNOWN unless is_valid
    int32_t country_code;                     // the country calling code, e.g. 44
    uint64_t national_number;                 // the national significant number without leading zeros
    char e164[32];                            // "+441632960123"; NUL-terminated
    char region[8];                           // "GB", "001" for non-geographic entities, "ZZ" when unknown
} datalint_phone_info;

// Parses `length` bytes of UTF-8 at `text` as a phone number, reading national forms in `default_region`
// (ISO 3166-1 alpha-2 such as "US", upper case; "ZZ" accepts only numbers written with a leading "+").
// Fills `info` and returns DATALINT_PHONE_PARSED, or returns another status and leaves `info` zeroed.
// Candidates longer than libphonenumber's limit (250 bytes) are TOO_LONG_NSN without being copied.
// Safe to call from any number of threads at once; never throws and never writes to stdout or stderr.
datalint_phone_status datalint_phone_parse(const char *text, size_t length, const char *default_region,
                                           datalint_phone_info *info);

#ifdef __cplusplus
}
#endif

#endif
