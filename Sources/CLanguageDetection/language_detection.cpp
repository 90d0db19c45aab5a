#include "language_detection.h"

#include <climits>
#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <cld2/public/compact_lang_det.h>

void datalint_detect_language(const char *text, size_t length, const char **code, const char **name, bool *is_reliable) {
    *is_reliable = false;
    *code = CLD2::LanguageCode(CLD2::UNKNOWN_LANGUAGE);
    *name = CLD2::LanguageName(CLD2::UNKNOWN_LANGUAGE);
    if (text == nullptr || length == 0) return;
    int valid_prefix = 0;
    const int bounded = length > INT_MAX ? INT_MAX : static_cast<int>(length);
    CLD2::Language language = CLD2::DetectLanguageCheckUTF8(text, bounded, true, is_reliable, &valid_prefix);
    if (language == CLD2::UNKNOWN_LANGUAGE && valid_prefix > 0 && valid_prefix < bounded) {
        language = CLD2::DetectLanguage(text, valid_prefix, true, is_reliable);
    }
    *code = CLD2::LanguageCode(language);
    *name = CLD2::LanguageName(language);
}
