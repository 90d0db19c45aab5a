/* See json_pointer.h. */
#include "json_pointer.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void json_pointer_init(json_pointer *pointer) {
    memset(pointer, 0, sizeof *pointer);
}

void json_pointer_free(json_pointer *pointer) {
    free(pointer->text);
    json_pointer_init(pointer);
}

static bool reserve(json_pointer *pointer, size_t extra) {
    size_t needed = pointer->length + extra + 1;
    if (needed <= pointer->capacity) return true;
    size_t capacity = pointer->capacity ? pointer->capacity : 64;
    while (capacity < needed) capacity *= 2;
    char *text = realloc(pointer->text, capacity);
    if (!text) return false;
    pointer->text = text;
    pointer->capacity = capacity;
    return true;
}

size_t json_pointer_push_key(json_pointer *pointer, const char *key, size_t key_length) {
    size_t saved = pointer->length;
    /* Worst case every byte is escaped to two. */
    if (!reserve(pointer, 1 + 2 * key_length)) return (size_t)-1;
    char *out = pointer->text + pointer->length;
    *out++ = '/';
    for (size_t i = 0; i < key_length; i++) {
        char c = key[i];
        if (c == '~') { *out++ = '~'; *out++ = '0'; }
        else if (c == '/') { *out++ = '~'; *out++ = '1'; }
        else *out++ = c;
    }
    *out = '\0';
    pointer->length = (size_t)(out - pointer->text);
    return saved;
}

size_t json_pointer_push_index(json_pointer *pointer, size_t index) {
    size_t saved = pointer->length;
    if (!reserve(pointer, 24)) return (size_t)-1;
    int written = snprintf(pointer->text + pointer->length, 24, "/%zu", index);
    pointer->length += (size_t)written;
    return saved;
}

void json_pointer_pop(json_pointer *pointer, size_t saved_length) {
    pointer->length = saved_length;
    if (pointer->text) pointer->text[saved_length] = '\0';
}

const char *json_pointer_string(const json_pointer *pointer) {
    return pointer->text ? pointer->text : "";
}
