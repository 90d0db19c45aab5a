/* See word_matcher.h. */
#define _GNU_SOURCE /* memmem */
#include "word_matcher.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef struct word {
    char *original;           /* as configured, for messages */
    unsigned char *folded;    /* case-folded NFC, what is searched for */
    size_t folded_length;
    bool starts_with_word_character; /* a boundary is only required where the word itself has a word edge */
    bool ends_with_word_character;
} word;

struct word_matcher {
    word *words;
    size_t count;
    size_t capacity;
};

/* Folding = case folding + canonical composition; STABLE keeps the result fixed across Unicode versions. */
static const utf8proc_option_t fold_options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;

/* Letters, marks, numbers and connector punctuation ("_") make up words, as in regular expressions' \w. */
static bool is_word_character(utf8proc_int32_t codepoint) {
    switch (utf8proc_category(codepoint)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_PC:
        return true;
    default:
        return false;
    }
}

/* The code point that starts at `at` (the text is utf8proc's output, so valid UTF-8). */
static utf8proc_int32_t codepoint_at(const unsigned char *text, size_t length, size_t at) {
    utf8proc_int32_t codepoint = -1;
    utf8proc_iterate(text + at, (utf8proc_ssize_t)(length - at), &codepoint);
    return codepoint;
}

/* The code point that ends just before `at`. */
static utf8proc_int32_t codepoint_before(const unsigned char *text, size_t length, size_t at) {
    size_t start = at - 1;
    while (start > 0 && (text[start] & 0xC0) == 0x80) start--;
    return codepoint_at(text, length, start);
}

word_matcher *word_matcher_create(void) {
    return calloc(1, sizeof(word_matcher));
}

void word_matcher_destroy(word_matcher *matcher) {
    if (!matcher) return;
    for (size_t i = 0; i < matcher->count; i++) {
        free(matcher->words[i].original);
        free(matcher->words[i].folded);
    }
    free(matcher->words);
    free(matcher);
}

bool word_matcher_add(word_matcher *matcher, const char *text, size_t length, const char **error) {
    unsigned char *folded = NULL;
    utf8proc_ssize_t folded_length = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)length,
                                                  &folded, fold_options);
    if (folded_length < 0) {
        *error = folded_length == UTF8PROC_ERROR_NOMEM ? "out of memory" : "a word is not valid UTF-8";
        return false;
    }
    if (folded_length == 0) {
        free(folded);
        *error = "a word is empty";
        return false;
    }
    if (matcher->count == matcher->capacity) {
        size_t capacity = matcher->capacity ? matcher->capacity * 2 : 16;
        word *words = realloc(matcher->words, capacity * sizeof(word));
        if (!words) { free(folded); *error = "out of memory"; return false; }
        matcher->words = words;
        matcher->capacity = capacity;
    }
    char *original = malloc(length + 1);
    if (!original) { free(folded); *error = "out of memory"; return false; }
    memcpy(original, text, length);
    original[length] = '\0';

    size_t n = (size_t)folded_length;
    matcher->words[matcher->count++] = (word){
        .original = original,
        .folded = folded,
        .folded_length = n,
        .starts_with_word_character = is_word_character(codepoint_at(folded, n, 0)),
        .ends_with_word_character = is_word_character(codepoint_before(folded, n, n)),
    };
    return true;
}

size_t word_matcher_count(const word_matcher *matcher) {
    return matcher->count;
}

const char *word_matcher_word(const word_matcher *matcher, size_t index) {
    return matcher->words[index].original;
}

bool word_match_text_fold(word_match_text *folded, const char *text, size_t length) {
    word_match_text_clear(folded);
    if (length == 0) return true; /* utf8proc_map reads a length of 0 as "NUL-terminated" */
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)length, &folded->folded,
                                      fold_options);
    if (n < 0) {
        folded->folded = NULL;
        return false;
    }
    folded->length = (size_t)n;
    return true;
}

void word_match_text_clear(word_match_text *folded) {
    free(folded->folded);
    folded->folded = NULL;
    folded->length = 0;
}

bool word_matcher_matches(const word_matcher *matcher, size_t index, const word_match_text *folded) {
    const word *w = &matcher->words[index];
    const unsigned char *text = folded->folded;
    size_t length = folded->length;
    size_t from = 0;
    while (from + w->folded_length <= length) {
        const unsigned char *hit = memmem(text + from, length - from, w->folded, w->folded_length);
        if (!hit) return false;
        size_t start = (size_t)(hit - text), end = start + w->folded_length;
        bool boundary_before = !w->starts_with_word_character || start == 0 ||
                               !is_word_character(codepoint_before(text, length, start));
        bool boundary_after = !w->ends_with_word_character || end == length ||
                              !is_word_character(codepoint_at(text, length, end));
        if (boundary_before && boundary_after) return true;
        /* Step one code point, not one byte, so the next search starts on a character boundary. */
        from = start + 1;
        while (from < length && (text[from] & 0xC0) == 0x80) from++;
    }
    return false;
}
