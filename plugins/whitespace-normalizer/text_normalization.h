/*
 * What whitespace-normalizer does to one string: NFC, then whitespace. Spaces and tabs are the only characters
 * collapsed, and newlines are kept, so paragraphs and (with `keep_indentation`) indented code survive.
 */
#ifndef WHITESPACE_NORMALIZER_TEXT_NORMALIZATION_H
#define WHITESPACE_NORMALIZER_TEXT_NORMALIZATION_H

#include <stdbool.h>
#include <stddef.h>

/* Internal to the plugin: only datalint_stage_entry is exported, so two plugins never clash. */
#pragma GCC visibility push(hidden)

typedef struct text_normalization_options {
    bool nfc;              /* compose to Unicode Normalization Form C */
    bool trim;             /* remove white space (spaces, tabs, CR, LF) at the start and the end of the text */
    bool collapse;         /* runs of spaces and tabs inside a line → one space; at the end of a line → nothing */
    bool keep_indentation; /* spaces and tabs that start a line (after the first) are left alone */
} text_normalization_options;

/* What changed, for the diagnostic's message. */
enum {
    TEXT_CHANGED_NFC = 1 << 0,
    TEXT_CHANGED_WHITESPACE = 1 << 1,
};

typedef enum text_normalization_status {
    TEXT_NORMALIZATION_OK,
    TEXT_NORMALIZATION_INVALID_UTF8, /* left alone: the format stage reports it */
    TEXT_NORMALIZATION_OUT_OF_MEMORY,
} text_normalization_status;

/*
 * Normalizes `text` (UTF-8, `length` bytes, may hold U+0000). On OK, *changes holds TEXT_CHANGED_* bits; when it is
 * not 0, *result (malloc'd, the caller frees it) holds the new text and *result_length its length.
 */
text_normalization_status text_normalize(const char *text, size_t length, const text_normalization_options *options,
                                         char **result, size_t *result_length, unsigned *changes);

#pragma GCC visibility pop

#endif
