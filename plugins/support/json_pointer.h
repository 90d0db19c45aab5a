/*
 * A JSON Pointer (RFC 6901) built up while walking a document: push a key or an index on the way down, pop on the
 * way back. Keys are escaped as the RFC requires ("~" → "~0", "/" → "~1") so that datalint resolves the pointer to
 * exactly the value the walk was at.
 */
#ifndef DATALINT_PLUGIN_SUPPORT_JSON_POINTER_H
#define DATALINT_PLUGIN_SUPPORT_JSON_POINTER_H

#include <stddef.h>

/* Internal to the plugin: only datalint_stage_entry is exported, so two plugins never clash. */
#pragma GCC visibility push(hidden)

typedef struct json_pointer {
    char *text;      /* NUL-terminated; "" is the whole document */
    size_t length;
    size_t capacity;
} json_pointer;

void json_pointer_init(json_pointer *pointer);
void json_pointer_free(json_pointer *pointer);
/* Appends "/key" (escaped). Returns the length to restore with json_pointer_pop, or (size_t)-1 when out of memory. */
size_t json_pointer_push_key(json_pointer *pointer, const char *key, size_t key_length);
size_t json_pointer_push_index(json_pointer *pointer, size_t index);
void json_pointer_pop(json_pointer *pointer, size_t saved_length);
/* The pointer as a C string ("" before anything was pushed). */
const char *json_pointer_string(const json_pointer *pointer);

#pragma GCC visibility pop

#endif
