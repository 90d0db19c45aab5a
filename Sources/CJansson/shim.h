#include <jansson.h>

// jansson exposes these as function-like macros, which Swift cannot import. Each wrapper is the macro and
// nothing more, so the Jansson module never has to know jansson's bit layouts or struct fields.

static inline json_type datalint_json_typeof(const json_t *json) {
    return json_typeof(json);
}

static inline enum json_error_code datalint_json_error_code(const json_error_t *error) {
    return json_error_code(error);
}

static inline size_t datalint_json_indent(size_t spaces) {
    return JSON_INDENT(spaces);
}
