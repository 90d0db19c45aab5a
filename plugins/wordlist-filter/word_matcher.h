/*
 * A list of words (or short phrases) matched in text as whole words, ignoring case the way Unicode defines it:
 * both sides are case-folded and composed (NFC) with utf8proc, so "STRASSE", "straße" and "Straße" match alike and
 * a precomposed "é" matches "e" + U+0301.
 */
#ifndef WORDLIST_FILTER_WORD_MATCHER_H
#define WORDLIST_FILTER_WORD_MATCHER_H

#include <stdbool.h>
#include <stddef.h>

/* Internal to the plugin: only datalint_stage_entry is exported, so two plugins never clash. */
#pragma GCC visibility push(hidden)

typedef struct word_matcher word_matcher;

/* Makes an empty matcher, or NULL when out of memory. */
word_matcher *word_matcher_create(void);
void word_matcher_destroy(word_matcher *matcher);

/* Adds `word` (UTF-8, `length` bytes). Returns false and a reason in `error` (static text) when the word is not
   valid UTF-8 or folds to nothing. */
bool word_matcher_add(word_matcher *matcher, const char *word, size_t length, const char **error);

size_t word_matcher_count(const word_matcher *matcher);
/* The word as it was configured (NUL-terminated), for messages. */
const char *word_matcher_word(const word_matcher *matcher, size_t index);

/* Scratch space for folding text, kept between calls so a batch does not allocate per value. */
typedef struct word_match_text {
    unsigned char *folded; /* allocated by utf8proc; freed by word_match_text_clear */
    size_t length;
} word_match_text;

/* Folds `text`; returns false when it is not valid UTF-8 (then nothing can match). */
bool word_match_text_fold(word_match_text *folded, const char *text, size_t length);
void word_match_text_clear(word_match_text *folded);

/* True when word `index` occurs in the folded text as a whole word. */
bool word_matcher_matches(const word_matcher *matcher, size_t index, const word_match_text *folded);

#pragma GCC visibility pop

#endif
