/* See text_normalization.h. */
#include "text_normalization.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static bool is_blank(char c) { return c == ' ' || c == '\t'; }
static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* True when a line ends at `at`: a line feed, a CR LF, or the end of the text. */
static bool is_line_end(const char *s, size_t n, size_t at) {
    return at == n || s[at] == '\n' || (s[at] == '\r' && (at + 1 == n || s[at + 1] == '\n'));
}

/* The whitespace rules on `s` (n bytes) into `out`, which has room for n bytes (the result is never longer). */
static size_t normalize_whitespace(const char *s, size_t n, const text_normalization_options *options, char *out) {
    size_t i = 0, written = 0;
    /* The value's leading white space goes even with `keep_indentation`: in a message it is almost always noise,
       and the indentation of the lines after the first is what code blocks need. */
    if (options->trim)
        while (i < n && is_space(s[i])) i++;
    bool line_start = true;
    while (i < n) {
        if (options->collapse && is_blank(s[i])) {
            size_t j = i;
            while (j < n && is_blank(s[j])) j++;
            if (line_start && options->keep_indentation && !is_line_end(s, n, j)) {
                memcpy(out + written, s + i, j - i); /* indentation */
                written += j - i;
            } else if (!line_start && !is_line_end(s, n, j)) {
                out[written++] = ' ';
            } /* else: at a line's end, or indentation that is not kept: removed */
            i = j;
            line_start = false;
            continue;
        }
        line_start = s[i] == '\n';
        out[written++] = s[i++];
    }
    if (options->trim)
        while (written > 0 && is_space(out[written - 1])) written--;
    return written;
}

text_normalization_status text_normalize(const char *text, size_t length, const text_normalization_options *options,
                                         char **result, size_t *result_length, unsigned *changes) {
    *changes = 0;
    *result = NULL;
    *result_length = 0;
    if (length == 0) return TEXT_NORMALIZATION_OK;

    /* utf8proc_map validates the UTF-8 even when it has nothing to compose, so invalid text is never rewritten. */
    utf8proc_uint8_t *composed = NULL;
    utf8proc_option_t flags = UTF8PROC_STABLE | (options->nfc ? UTF8PROC_COMPOSE : 0);
    utf8proc_ssize_t composed_length = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)length,
                                                    &composed, flags);
    if (composed_length < 0)
        return composed_length == UTF8PROC_ERROR_NOMEM ? TEXT_NORMALIZATION_OUT_OF_MEMORY
                                                       : TEXT_NORMALIZATION_INVALID_UTF8;
    if ((size_t)composed_length != length || memcmp(composed, text, length)) *changes |= TEXT_CHANGED_NFC;

    char *out = malloc((size_t)composed_length + 1);
    if (!out) {
        free(composed);
        return TEXT_NORMALIZATION_OUT_OF_MEMORY;
    }
    size_t written = normalize_whitespace((const char *)composed, (size_t)composed_length, options, out);
    if (written != (size_t)composed_length || memcmp(out, composed, written)) *changes |= TEXT_CHANGED_WHITESPACE;
    free(composed);
    if (*changes == 0) {
        free(out);
        return TEXT_NORMALIZATION_OK;
    }
    *result = out;
    *result_length = written;
    return TEXT_NORMALIZATION_OK;
}
