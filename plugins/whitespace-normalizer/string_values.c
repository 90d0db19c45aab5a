/* See string_values.h. A strict recursive-descent reader of RFC 8259 JSON that keeps byte offsets. */
#include "string_values.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json_pointer.h"

/* Deeper nesting is refused rather than risking the host's stack (jansson stops at 2048 too). */
enum { maximum_depth = 512 };

typedef struct reader {
    const unsigned char *text;
    size_t length;
    size_t at;
    const field_name *fields;
    size_t field_count;
    string_value_visitor visitor;
    void *context;
    json_pointer pointer;
    char *scratch;            /* the string being decoded */
    size_t scratch_length, scratch_capacity;
    string_values_status status;
} reader;

static bool failed(reader *r, string_values_status status) {
    if (r->status == STRING_VALUES_OK) r->status = status;
    return false;
}

static void skip_space(reader *r) {
    while (r->at < r->length) {
        unsigned char c = r->text[r->at];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
        r->at++;
    }
}

static bool append(reader *r, const void *bytes, size_t count) {
    if (r->scratch_length + count > r->scratch_capacity) {
        size_t capacity = r->scratch_capacity ? r->scratch_capacity : 256;
        while (capacity < r->scratch_length + count) capacity *= 2;
        char *scratch = realloc(r->scratch, capacity);
        if (!scratch) return failed(r, STRING_VALUES_OUT_OF_MEMORY);
        r->scratch = scratch;
        r->scratch_capacity = capacity;
    }
    memcpy(r->scratch + r->scratch_length, bytes, count);
    r->scratch_length += count;
    return true;
}

static int hex_digit(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Reads the 4 hex digits of a \u escape at r->at. */
static bool read_hex4(reader *r, uint32_t *unit) {
    if (r->length - r->at < 4) return failed(r, STRING_VALUES_MALFORMED);
    uint32_t value = 0;
    for (int i = 0; i < 4; i++) {
        int digit = hex_digit(r->text[r->at + i]);
        if (digit < 0) return failed(r, STRING_VALUES_MALFORMED);
        value = value << 4 | (uint32_t)digit;
    }
    r->at += 4;
    *unit = value;
    return true;
}

static bool append_utf8(reader *r, uint32_t codepoint) {
    unsigned char bytes[4];
    size_t count;
    if (codepoint < 0x80) { bytes[0] = (unsigned char)codepoint; count = 1; }
    else if (codepoint < 0x800) {
        bytes[0] = (unsigned char)(0xC0 | codepoint >> 6);
        bytes[1] = (unsigned char)(0x80 | (codepoint & 0x3F));
        count = 2;
    } else if (codepoint < 0x10000) {
        bytes[0] = (unsigned char)(0xE0 | codepoint >> 12);
        bytes[1] = (unsigned char)(0x80 | (codepoint >> 6 & 0x3F));
        bytes[2] = (unsigned char)(0x80 | (codepoint & 0x3F));
        count = 3;
    } else {
        bytes[0] = (unsigned char)(0xF0 | codepoint >> 18);
        bytes[1] = (unsigned char)(0x80 | (codepoint >> 12 & 0x3F));
        bytes[2] = (unsigned char)(0x80 | (codepoint >> 6 & 0x3F));
        bytes[3] = (unsigned char)(0x80 | (codepoint & 0x3F));
        count = 4;
    }
    return append(r, bytes, count);
}

/* Decodes the string at r->at (its opening quote) into r->scratch. *decodable is cleared by a lone surrogate. */
static bool read_string(reader *r, bool *decodable) {
    r->at++; /* the opening quote */
    r->scratch_length = 0;
    *decodable = true;
    for (;;) {
        if (r->at >= r->length) return failed(r, STRING_VALUES_MALFORMED);
        /* Copy the run up to the next quote, backslash or control character in one go. */
        size_t run = r->at;
        while (run < r->length && r->text[run] != '"' && r->text[run] != '\\' && r->text[run] >= 0x20) run++;
        if (!append(r, r->text + r->at, run - r->at)) return false;
        r->at = run;
        if (r->at >= r->length || r->text[r->at] < 0x20) return failed(r, STRING_VALUES_MALFORMED);
        if (r->text[r->at] == '"') {
            r->at++;
            return true;
        }
        /* A backslash. */
        if (++r->at >= r->length) return failed(r, STRING_VALUES_MALFORMED);
        unsigned char escape = r->text[r->at++];
        char c;
        switch (escape) {
        case '"': c = '"'; break;
        case '\\': c = '\\'; break;
        case '/': c = '/'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u': {
            uint32_t unit;
            if (!read_hex4(r, &unit)) return false;
            if (unit >= 0xD800 && unit <= 0xDBFF && r->length - r->at >= 6 && r->text[r->at] == '\\' &&
                r->text[r->at + 1] == 'u') {
                size_t before = r->at;
                r->at += 2;
                uint32_t low;
                if (!read_hex4(r, &low)) return false;
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    if (!append_utf8(r, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))) return false;
                    continue;
                }
                r->at = before; /* not a pair: the second escape is read on its own */
            }
            if (unit >= 0xD800 && unit <= 0xDFFF) {
                *decodable = false;
                continue;
            }
            if (!append_utf8(r, unit)) return false;
            continue;
        }
        default:
            return failed(r, STRING_VALUES_MALFORMED);
        }
        if (!append(r, &c, 1)) return false;
    }
}

static bool expect_literal(reader *r, const char *literal) {
    size_t n = strlen(literal);
    if (r->length - r->at < n || memcmp(r->text + r->at, literal, n)) return failed(r, STRING_VALUES_MALFORMED);
    r->at += n;
    return true;
}

static bool is_digit(reader *r) {
    return r->at < r->length && r->text[r->at] >= '0' && r->text[r->at] <= '9';
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool read_number(reader *r) {
    if (r->text[r->at] == '-') r->at++;
    if (!is_digit(r)) return failed(r, STRING_VALUES_MALFORMED);
    if (r->text[r->at] == '0') r->at++;
    else while (is_digit(r)) r->at++;
    if (r->at < r->length && r->text[r->at] == '.') {
        r->at++;
        if (!is_digit(r)) return failed(r, STRING_VALUES_MALFORMED);
        while (is_digit(r)) r->at++;
    }
    if (r->at < r->length && (r->text[r->at] == 'e' || r->text[r->at] == 'E')) {
        r->at++;
        if (r->at < r->length && (r->text[r->at] == '+' || r->text[r->at] == '-')) r->at++;
        if (!is_digit(r)) return failed(r, STRING_VALUES_MALFORMED);
        while (is_digit(r)) r->at++;
    }
    return true;
}

static bool is_field(const reader *r, const char *name, size_t length) {
    for (size_t i = 0; i < r->field_count; i++)
        if (r->fields[i].length == length && !memcmp(r->fields[i].bytes, name, length)) return true;
    return false;
}

static bool read_value(reader *r, bool selected, int depth);

static bool read_object(reader *r, bool selected, int depth) {
    r->at++; /* { */
    skip_space(r);
    if (r->at < r->length && r->text[r->at] == '}') { r->at++; return true; }
    for (;;) {
        skip_space(r);
        if (r->at >= r->length || r->text[r->at] != '"') return failed(r, STRING_VALUES_MALFORMED);
        bool decodable;
        if (!read_string(r, &decodable)) return false;
        size_t saved = json_pointer_push_key(&r->pointer, r->scratch, r->scratch_length);
        if (saved == (size_t)-1) return failed(r, STRING_VALUES_OUT_OF_MEMORY);
        bool child_selected = selected || is_field(r, r->scratch, r->scratch_length);
        skip_space(r);
        if (r->at >= r->length || r->text[r->at] != ':') return failed(r, STRING_VALUES_MALFORMED);
        r->at++;
        if (!read_value(r, child_selected, depth + 1)) return false;
        json_pointer_pop(&r->pointer, saved);
        skip_space(r);
        if (r->at >= r->length) return failed(r, STRING_VALUES_MALFORMED);
        if (r->text[r->at] == '}') { r->at++; return true; }
        if (r->text[r->at++] != ',') return failed(r, STRING_VALUES_MALFORMED);
    }
}

static bool read_array(reader *r, bool selected, int depth) {
    r->at++; /* [ */
    skip_space(r);
    if (r->at < r->length && r->text[r->at] == ']') { r->at++; return true; }
    for (size_t index = 0;; index++) {
        size_t saved = json_pointer_push_index(&r->pointer, index);
        if (saved == (size_t)-1) return failed(r, STRING_VALUES_OUT_OF_MEMORY);
        if (!read_value(r, selected, depth + 1)) return false;
        json_pointer_pop(&r->pointer, saved);
        skip_space(r);
        if (r->at >= r->length) return failed(r, STRING_VALUES_MALFORMED);
        if (r->text[r->at] == ']') { r->at++; return true; }
        if (r->text[r->at++] != ',') return failed(r, STRING_VALUES_MALFORMED);
    }
}

static bool read_value(reader *r, bool selected, int depth) {
    if (depth > maximum_depth) return failed(r, STRING_VALUES_MALFORMED);
    skip_space(r);
    if (r->at >= r->length) return failed(r, STRING_VALUES_MALFORMED);
    switch (r->text[r->at]) {
    case '{': return read_object(r, selected, depth);
    case '[': return read_array(r, selected, depth);
    case 't': return expect_literal(r, "true");
    case 'f': return expect_literal(r, "false");
    case 'n': return expect_literal(r, "null");
    case '"': {
        size_t start = r->at;
        bool decodable;
        if (!read_string(r, &decodable)) return false;
        if (!selected) return true;
        string_value string = {
            .start = start,
            .end = r->at,
            .pointer = json_pointer_string(&r->pointer),
            .value = r->scratch ? r->scratch : "",
            .value_length = r->scratch_length,
            .decodable = decodable,
        };
        return r->visitor(r->context, &string) || failed(r, STRING_VALUES_OUT_OF_MEMORY);
    }
    default: return read_number(r);
    }
}

string_values_status string_values_walk(const char *text, size_t length, const field_name *fields, size_t field_count,
                                      string_value_visitor visitor, void *context) {
    reader r = {
        .text = (const unsigned char *)text,
        .length = length,
        .fields = fields,
        .field_count = field_count,
        .visitor = visitor,
        .context = context,
    };
    json_pointer_init(&r.pointer);
    skip_space(&r);
    if (r.at >= r.length || r.text[r.at] != '{') r.status = STRING_VALUES_MALFORMED;
    else if (read_value(&r, field_count == 0, 0)) {
        skip_space(&r);
        if (r.at != r.length) r.status = STRING_VALUES_MALFORMED;
    }
    json_pointer_free(&r.pointer);
    free(r.scratch);
    return r.status;
}
