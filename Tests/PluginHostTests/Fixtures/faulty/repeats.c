/*
 * Test plugin (not faulty) for the plugin host's tests: a whole-dataset stage that finds a prompt repeated across
 * records, which only `finish` can tell. It keeps each record's first "content" string (the first message's, in a
 * chat record) as written, and in `finish` reports `repeats/duplicate` at "/messages/0/content" of every record
 * whose content another record has too, offering to empty it (so that the host's placing of fixes is seen too);
 * then it starts over.
 * Build: cc -shared -fPIC -I protocol -o librepeats.so repeats.c
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datalint_stage.h"

typedef struct seen_content {
    uint64_t line;
    char *text;
    size_t length;
} seen_content;

struct datalint_stage_instance {
    const datalint_host *host;
    seen_content *seen;
    size_t count;
    size_t capacity;
};

static int create(const char *configuration, size_t length, const datalint_host *host, datalint_stage_instance **instance) {
    (void)configuration, (void)length;
    *instance = calloc(1, sizeof **instance);
    if (*instance == NULL) return DATALINT_FAILED;
    (*instance)->host = host;
    return DATALINT_OK;
}

/* The text between the quotes of the first "content" string of `json`, escapes left as they are; 0 when none. */
static int first_content(const char *json, size_t length, const char **start, size_t *count) {
    const char *end = json + length;
    const char *key = memmem(json, length, "\"content\"", 9);
    if (key == NULL) return 0;
    const char *cursor = key + 9;
    while (cursor < end && (*cursor == ' ' || *cursor == ':')) cursor++;
    if (cursor == end || *cursor != '"') return 0;
    *start = ++cursor;
    while (cursor < end && *cursor != '"') cursor += *cursor == '\\' ? 2 : 1;
    if (cursor >= end) return 0;
    *count = (size_t)(cursor - *start);
    return 1;
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    for (size_t index = 0; index < count; index++) {
        const char *text;
        size_t length;
        if (!first_content(records[index].json, records[index].length, &text, &length)) continue;
        if (instance->count == instance->capacity) {
            size_t capacity = instance->capacity ? instance->capacity * 2 : 64;
            seen_content *grown = realloc(instance->seen, capacity * sizeof *grown);
            if (grown == NULL) return DATALINT_FAILED;
            instance->seen = grown;
            instance->capacity = capacity;
        }
        char *copy = malloc(length ? length : 1);
        if (copy == NULL) return DATALINT_FAILED;
        memcpy(copy, text, length);
        instance->seen[instance->count++] = (seen_content){records[index].line, copy, length};
    }
    return DATALINT_OK;
}

static int same(const seen_content *a, const seen_content *b) {
    return a->length == b->length && memcmp(a->text, b->text, a->length) == 0;
}

static int finish(datalint_stage_instance *instance) {
    for (size_t index = 0; index < instance->count; index++) {
        size_t copies = 0, first = index;
        for (size_t other = 0; other < instance->count; other++) {
            if (!same(&instance->seen[index], &instance->seen[other])) continue;
            copies++;
            if (other < first) first = other;
        }
        if (copies < 2) continue;
        char message[128];
        snprintf(message, sizeof message, "this prompt is in %zu records (first on line %llu)", copies,
                 (unsigned long long)instance->seen[first].line + 1);
        datalint_diagnostic diagnostic = {0};
        diagnostic.struct_size = sizeof diagnostic;
        diagnostic.line = instance->seen[index].line;
        diagnostic.code = "repeats/duplicate";
        diagnostic.severity = DATALINT_SEVERITY_WARNING;
        diagnostic.message = message;
        diagnostic.json_pointer = "/messages/0/content";
        diagnostic.replacement = "\"\"";
        diagnostic.replacement_length = 2;
        instance->host->emit_diagnostic(instance->host->context, &diagnostic);
    }
    for (size_t index = 0; index < instance->count; index++) free(instance->seen[index].text);
    instance->count = 0;
    return DATALINT_OK;
}

static void destroy(datalint_stage_instance *instance) {
    for (size_t index = 0; index < instance->count; index++) free(instance->seen[index].text);
    free(instance->seen);
    free(instance);
}

static const datalint_stage_descriptor descriptor = {
    sizeof(datalint_stage_descriptor), DATALINT_STAGE_ABI_MAJOR, DATALINT_STAGE_ABI_MINOR, "repeats", "1.0",
    "Finds a prompt repeated across records.", DATALINT_STAGE_CHECKS | DATALINT_STAGE_NEEDS_WHOLE_DATASET, NULL,
    create, process, finish, destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
