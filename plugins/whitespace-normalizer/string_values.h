/*
 * Finds the string values of one JSON record in its original text: for each one, its exact byte range, its JSON
 * Pointer and its decoded content. A transform that edits only those ranges leaves every other byte of the record
 * as it was (numbers, key order, escapes, spacing), which re-serializing with a JSON library would not.
 */
#ifndef WHITESPACE_NORMALIZER_STRING_VALUES_H
#define WHITESPACE_NORMALIZER_STRING_VALUES_H

#include <stdbool.h>
#include <stddef.h>

/* Internal to the plugin: only datalint_stage_entry is exported, so two plugins never clash. */
#pragma GCC visibility push(hidden)

/* One string value. `value` is decoded UTF-8 (escapes resolved, may hold U+0000), valid during the call only. */
typedef struct string_value {
    size_t start, end;     /* [start, end) of the string in the record's text, quotes included */
    const char *pointer;   /* its JSON Pointer, NUL-terminated */
    const char *value;
    size_t value_length;
    bool decodable;        /* false when it holds an escaped lone surrogate, which UTF-8 cannot carry */
} string_value;

/* Called for every string value (keys are not values) under one of `fields` (any depth; every string value when
   `field_count` is 0). Returns false to stop the walk as out of memory. */
typedef bool (*string_value_visitor)(void *context, const string_value *string);

typedef struct field_name {
    const char *bytes;
    size_t length;
} field_name;

typedef enum string_values_status {
    STRING_VALUES_OK = 0,
    STRING_VALUES_MALFORMED,     /* not one JSON object, or nested deeper than the walk goes */
    STRING_VALUES_OUT_OF_MEMORY,
} string_values_status;

string_values_status string_values_walk(const char *text, size_t length, const field_name *fields, size_t field_count,
                                      string_value_visitor visitor, void *context);

#pragma GCC visibility pop

#endif
