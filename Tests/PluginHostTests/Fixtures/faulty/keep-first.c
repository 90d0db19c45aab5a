/*
 * Test plugin (not faulty) for pipelines: a whole-dataset transform that keeps the first record of each prompt.
 * It remembers every record (its first "content" string and its text); in `finish`, it drops each record whose
 * prompt an earlier record has, and rewrites each first record that had repeats to begin with `"repeats":N,` —
 * decisions only the whole dataset allows, which a pipeline must apply before the records go on. Then it starts over.
 * Build: cc -shared -fPIC -I protocol -o libkeep-first.so keep-first.c
 */
#include "fixture_stage.h"

#include <stdio.h>

typedef struct kept {
    uint64_t line;
    char *record;
    size_t length;
    size_t content_start, content_length;
} kept;

/* One instance per process is all the tests make: its state can live here. */
static kept *records;
static size_t count, capacity;

/* Where the first "content" string's text lies in `json` (escapes as written); 0 when it has none. */
static int first_content(const char *json, size_t length, size_t *start, size_t *size) {
    const char *key = memmem(json, length, "\"content\":\"", 11);
    if (key == NULL) return 0;
    size_t index = (size_t)(key - json) + 11;
    *start = index;
    while (index < length && json[index] != '"') index += json[index] == '\\' ? 2 : 1;
    if (index >= length) return 0;
    *size = index - *start;
    return 1;
}

static int process(datalint_stage_instance *instance, const datalint_record *batch, size_t size) {
    for (size_t index = 0; index < size; index++) {
        size_t start, length;
        if (!first_content(batch[index].json, batch[index].length, &start, &length)) continue;
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 64;
            kept *grown = realloc(records, capacity * sizeof *grown);
            if (grown == NULL) return DATALINT_FAILED;
            records = grown;
        }
        char *copy = malloc(batch[index].length);
        if (copy == NULL) return DATALINT_FAILED;
        memcpy(copy, batch[index].json, batch[index].length);
        records[count++] = (kept){batch[index].line, copy, batch[index].length, start, length};
    }
    (void)instance;
    return DATALINT_OK;
}

static int same_prompt(const kept *a, const kept *b) {
    return a->content_length == b->content_length
        && memcmp(a->record + a->content_start, b->record + b->content_start, a->content_length) == 0;
}

static int finish(datalint_stage_instance *instance) {
    const datalint_host *host = instance->host;
    for (size_t index = 0; index < count; index++) {
        size_t first = index, repeats = 0;
        for (size_t other = 0; other < count; other++) {
            if (!same_prompt(&records[index], &records[other])) continue;
            repeats++;
            if (other < first) first = other;
        }
        if (first != index) {
            char reason[64];
            snprintf(reason, sizeof reason, "repeats the prompt of line %llu", (unsigned long long)records[first].line + 1);
            host->drop_record(host->context, records[index].line, reason);
        } else if (repeats > 1) {
            char prefix[32];
            int written = snprintf(prefix, sizeof prefix, "{\"repeats\":%zu,", repeats);
            char *rewritten = malloc(records[index].length + (size_t)written);
            if (rewritten == NULL) return DATALINT_FAILED;
            memcpy(rewritten, prefix, (size_t)written);
            memcpy(rewritten + written, records[index].record + 1, records[index].length - 1);
            host->emit_record(host->context, records[index].line, rewritten, records[index].length + (size_t)written - 1);
            free(rewritten);
        }
    }
    for (size_t index = 0; index < count; index++) free(records[index].record);
    count = 0;
    return DATALINT_OK;
}

FIXTURE_STAGE("keep-first", "Keeps the first record of each prompt, counting its repeats.",
              DATALINT_STAGE_TRANSFORMS | DATALINT_STAGE_NEEDS_WHOLE_DATASET, fixture_create, process, finish)
