#ifndef DATALINT_CLANGUAGEDETECTION_H
#define DATALINT_CLANGUAGEDETECTION_H

// A small C face on CLD2 (Compact Language Detector 2, C++), so that Swift never sees a C++ type. Everything C++
// stays in language_detection.cpp; this header is plain C and is the target's only public header.

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// The language of `length` bytes of UTF-8 plain text: its ISO 639 code ("en", "zh", "pt"…) and English name, both
// static strings; "un" / "Unknown" when CLD2 cannot tell. `is_reliable` says whether CLD2 trusts its answer (enough
// text, a clear winner). Text that is not valid UTF-8 is judged on its valid prefix. Thread safe.
void datalint_detect_language(const char *text, size_t length, const char **code, const char **name, bool *is_reliable);

#ifdef __cplusplus
}
#endif

#endif
