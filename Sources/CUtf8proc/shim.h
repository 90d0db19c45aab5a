#ifndef DATALINT_CUTF8PROC_SHIM_H
#define DATALINT_CUTF8PROC_SHIM_H

#include <stdbool.h>
#include <utf8proc.h>

// utf8proc's options are a C enum of bit flags, which Swift imports awkwardly; these helpers combine the flags
// on the C side so Swift only passes booleans.

// Decodes valid UTF-8 into code points, canonically decomposed (and reordered) when `compose` is set, case-folded
// when `casefold` is set. Returns the number of code points needed, which may exceed `capacity` (then nothing
// useful was written and the caller retries with a larger buffer), or a negative utf8proc error code.
static inline utf8proc_ssize_t datalint_utf8proc_decompose(const utf8proc_uint8_t *bytes, utf8proc_ssize_t length,
                                                           utf8proc_int32_t *buffer, utf8proc_ssize_t capacity,
                                                           bool compose, bool casefold) {
    int options = UTF8PROC_STABLE;
    if (compose) options |= UTF8PROC_COMPOSE;
    if (casefold) options |= UTF8PROC_CASEFOLD;
    return utf8proc_decompose(bytes, length, buffer, capacity, (utf8proc_option_t)options);
}

// Recomposes decomposed code points in place (NFC) when `compose` is set. Returns the new length, or a negative
// utf8proc error code.
static inline utf8proc_ssize_t datalint_utf8proc_compose(utf8proc_int32_t *buffer, utf8proc_ssize_t length,
                                                         bool compose) {
    int options = UTF8PROC_STABLE;
    if (compose) options |= UTF8PROC_COMPOSE;
    return utf8proc_normalize_utf32(buffer, length, (utf8proc_option_t)options);
}

// True for the Unicode general categories P* (connector, dash, open, close, initial, final, other punctuation).
static inline bool datalint_utf8proc_is_punctuation(utf8proc_int32_t codepoint) {
    utf8proc_category_t category = utf8proc_category(codepoint);
    return category >= UTF8PROC_CATEGORY_PC && category <= UTF8PROC_CATEGORY_PO;
}

// True for the separators Zs, Zl, Zp (which include U+00A0, U+3000, U+2028) and the C0/C1 controls that act as
// white space (tab, line feed, vertical tab, form feed, carriage return, next line).
static inline bool datalint_utf8proc_is_whitespace(utf8proc_int32_t codepoint) {
    if ((codepoint >= 0x09 && codepoint <= 0x0D) || codepoint == 0x85) return true;
    utf8proc_category_t category = utf8proc_category(codepoint);
    return category >= UTF8PROC_CATEGORY_ZS && category <= UTF8PROC_CATEGORY_ZP;
}

#endif
