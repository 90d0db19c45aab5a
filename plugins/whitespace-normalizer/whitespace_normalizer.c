/*
 * whitespace-normalizer: a transform stage (issue 7's example of a plugin that rewrites records).
 *
 * Each string value (or those under the configured keys) is composed to NFC, trimmed, and its runs of spaces and
 * tabs collapsed. When a record changes, the stage emits the rewritten record (only the changed strings are
 * re-encoded; every other byte is kept) and, for each changed value, a hint `whitespace-normalizer/changed` whose
 * fix is the new value. Records that need nothing are not emitted: datalint keeps them as they are.
 *
 * Configuration: {"trim": true, "collapse": true, "keep_indentation": true, "nfc": true, "fields": ["content"]},
 * every key optional (see `configuration_schema`).
 */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "datalint_stage.h"
#include "plugin_fail.h"
#include "string_values.h"
#include "text_normalization.h"

static const char configuration_schema[] =
    "{"
    "\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
    "\"title\":\"whitespace-normalizer configuration\","
    "\"type\":\"object\","
    "\"properties\":{"
    "\"trim\":{\"description\":\"Remove white space at the start and the end of each value.\","
    "\"type\":\"boolean\",\"default\":true},"
    "\"collapse\":{\"description\":\"Replace runs of spaces and tabs inside a line by one space, and remove them "
    "at the end of a line.\",\"type\":\"boolean\",\"default\":true},"
    "\"keep_indentation\":{\"description\":\"Leave the spaces and tabs that start a line alone (code blocks).\","
    "\"type\":\"boolean\",\"default\":true},"
    "\"nfc\":{\"description\":\"Compose to Unicode Normalization Form C.\",\"type\":\"boolean\",\"default\":true},"
    "\"fields\":{\"description\":\"Only normalize string values under these keys (at any depth), e.g. "
    "[\\\"content\\\"]. Every string value when absent.\","
    "\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":1}"
    "},"
    "\"additionalProperties\":false"
    "}";

struct datalint_stage_instance {
    const datalint_host *host; /* borrowed until destroy */
    text_normalization_options options;
    field_name *fields;
    size_t field_count;
};

static void destroy(datalint_stage_instance *instance) {
    if (!instance) return;
    for (size_t i = 0; i < instance->field_count; i++) free((char *)instance->fields[i].bytes);
    free(instance->fields);
    free(instance);
}

/* Reads boolean option `name` into *option (left at its default when absent). */
static int read_flag(datalint_stage_instance *instance, const json_t *configuration, const char *name, bool *option) {
    json_t *value = json_object_get(configuration, name);
    if (!value) return DATALINT_OK;
    if (!json_is_boolean(value))
        return plugin_fail(instance->host, "whitespace-normalizer: \"%s\" must be true or false", name);
    *option = json_is_true(value);
    return DATALINT_OK;
}

static int configure(datalint_stage_instance *instance, const json_t *configuration) {
    static const char *const known[] = {"trim", "collapse", "keep_indentation", "nfc", "fields"};
    const char *name;
    json_t *value;
    json_object_foreach((json_t *)configuration, name, value) {
        bool is_known = false;
        for (size_t i = 0; i < sizeof known / sizeof *known; i++) is_known |= !strcmp(name, known[i]);
        if (!is_known)
            return plugin_fail(instance->host, "whitespace-normalizer: unknown configuration key \"%s\" (known: trim, "
                                        "collapse, keep_indentation, nfc, fields)", name);
    }
    instance->options = (text_normalization_options){.nfc = true, .trim = true, .collapse = true,
                                                     .keep_indentation = true};
    if (read_flag(instance, configuration, "trim", &instance->options.trim) ||
        read_flag(instance, configuration, "collapse", &instance->options.collapse) ||
        read_flag(instance, configuration, "keep_indentation", &instance->options.keep_indentation) ||
        read_flag(instance, configuration, "nfc", &instance->options.nfc))
        return DATALINT_FAILED;

    json_t *fields = json_object_get(configuration, "fields");
    if (!fields) return DATALINT_OK;
    if (!json_is_array(fields))
        return plugin_fail(instance->host, "whitespace-normalizer: \"fields\" must be an array of key names");
    if (json_array_size(fields) == 0)
        return plugin_fail(instance->host,
                    "whitespace-normalizer: \"fields\" is empty (leave it out to normalize every string value)");
    instance->fields = calloc(json_array_size(fields) + 1, sizeof(field_name));
    if (!instance->fields) return plugin_fail(instance->host, "whitespace-normalizer: out of memory");
    size_t index;
    json_array_foreach(fields, index, value) {
        if (!json_is_string(value))
            return plugin_fail(instance->host, "whitespace-normalizer: \"fields\"[%zu] is not a string", index);
        size_t length = json_string_length(value);
        char *bytes = malloc(length + 1);
        if (!bytes) return plugin_fail(instance->host, "whitespace-normalizer: out of memory");
        memcpy(bytes, json_string_value(value), length);
        instance->fields[instance->field_count++] = (field_name){bytes, length};
    }
    return DATALINT_OK;
}

static int create(const char *configuration, size_t configuration_length, const datalint_host *host,
                  datalint_stage_instance **instance_out) {
    if (!host || host->struct_size < offsetof(datalint_host, fail) + sizeof host->fail) return DATALINT_FAILED;
    json_error_t error;
    json_t *root = json_loadb(configuration, configuration_length, 0, &error);
    if (!root)
        return plugin_fail(host, "whitespace-normalizer: configuration is not JSON: %s (column %d)", error.text,
                    error.column);
    if (!json_is_object(root)) {
        json_decref(root);
        return plugin_fail(host, "whitespace-normalizer: configuration must be a JSON object");
    }
    datalint_stage_instance *instance = calloc(1, sizeof *instance);
    if (!instance) {
        json_decref(root);
        return plugin_fail(host, "whitespace-normalizer: out of memory");
    }
    instance->host = host;
    int status = configure(instance, root);
    json_decref(root);
    if (status != DATALINT_OK) {
        destroy(instance);
        return DATALINT_FAILED;
    }
    *instance_out = instance;
    return DATALINT_OK;
}

/* One changed string of the record being processed. */
typedef struct edit {
    size_t start, end;     /* the old string's bytes in the record */
    char *json;            /* the new string as JSON text, quotes included */
    size_t json_length;
    char *pointer;
    unsigned changes;
} edit;

typedef struct record_edits {
    const datalint_stage_instance *instance;
    edit *edits;
    size_t count, capacity;
} record_edits;

static void clear_edits(record_edits *edits) {
    for (size_t i = 0; i < edits->count; i++) {
        free(edits->edits[i].json);
        free(edits->edits[i].pointer);
    }
    edits->count = 0;
}

/* `text` as a JSON string: quotes, and escapes for what JSON requires (quote, backslash, control characters). */
static char *encode_json_string(const char *text, size_t length, size_t *encoded_length) {
    char *out = malloc(length * 6 + 3); /* \u00XX is the longest escape */
    if (!out) return NULL;
    size_t n = 0;
    out[n++] = '"';
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        switch (c) {
        case '"': out[n++] = '\\'; out[n++] = '"'; break;
        case '\\': out[n++] = '\\'; out[n++] = '\\'; break;
        case '\n': out[n++] = '\\'; out[n++] = 'n'; break;
        case '\r': out[n++] = '\\'; out[n++] = 'r'; break;
        case '\t': out[n++] = '\\'; out[n++] = 't'; break;
        case '\b': out[n++] = '\\'; out[n++] = 'b'; break;
        case '\f': out[n++] = '\\'; out[n++] = 'f'; break;
        default:
            if (c < 0x20) n += (size_t)snprintf(out + n, 7, "\\u%04x", c);
            else out[n++] = (char)c;
        }
    }
    out[n++] = '"';
    *encoded_length = n;
    return out;
}

static bool visit_string(void *context, const string_value *string) {
    record_edits *edits = context;
    if (!string->decodable) return true; /* a lone surrogate has no UTF-8 form: leave the value alone */
    char *normalized;
    size_t normalized_length;
    unsigned changes;
    text_normalization_status status = text_normalize(string->value, string->value_length,
                                                      &edits->instance->options, &normalized, &normalized_length,
                                                      &changes);
    if (status == TEXT_NORMALIZATION_OUT_OF_MEMORY) return false;
    if (status != TEXT_NORMALIZATION_OK || !changes) return true;

    if (edits->count == edits->capacity) {
        size_t capacity = edits->capacity ? edits->capacity * 2 : 8;
        edit *grown = realloc(edits->edits, capacity * sizeof(edit));
        if (!grown) { free(normalized); return false; }
        edits->edits = grown;
        edits->capacity = capacity;
    }
    edit e = {.start = string->start, .end = string->end, .changes = changes};
    e.json = encode_json_string(normalized, normalized_length, &e.json_length);
    free(normalized);
    e.pointer = strdup(string->pointer);
    if (!e.json || !e.pointer) {
        free(e.json);
        free(e.pointer);
        return false;
    }
    edits->edits[edits->count++] = e;
    return true;
}

static const char *describe(unsigned changes) {
    switch (changes) {
    case TEXT_CHANGED_NFC: return "normalizing changes this value: it is not in Unicode NFC";
    case TEXT_CHANGED_WHITESPACE: return "normalizing changes this value: white space to trim or collapse";
    default: return "normalizing changes this value: white space to trim or collapse, and it is not in Unicode NFC";
    }
}

/* Reports each change and emits the record with the edits applied (they are in text order, as the walk found them). */
static int apply(const datalint_stage_instance *instance, const datalint_record *record, const record_edits *edits) {
    const datalint_host *host = instance->host;
    size_t length = record->length;
    for (size_t i = 0; i < edits->count; i++) {
        const edit *e = &edits->edits[i];
        length = length - (e->end - e->start) + e->json_length; /* the old string is part of `length`: no underflow */
    }
    char *rewritten = malloc(length ? length : 1);
    if (!rewritten) return plugin_fail(host, "whitespace-normalizer: out of memory");
    size_t written = 0, copied_to = 0;
    for (size_t i = 0; i < edits->count; i++) {
        const edit *e = &edits->edits[i];
        memcpy(rewritten + written, record->json + copied_to, e->start - copied_to);
        written += e->start - copied_to;
        memcpy(rewritten + written, e->json, e->json_length);
        written += e->json_length;
        copied_to = e->end;

        datalint_diagnostic diagnostic = {
            .struct_size = sizeof diagnostic,
            .line = record->line,
            .code = "whitespace-normalizer/changed",
            .severity = DATALINT_SEVERITY_HINT,
            .message = describe(e->changes),
            .json_pointer = e->pointer,
            .byte_start = -1,
            .byte_end = -1,
            .replacement = e->json,
            .replacement_length = e->json_length,
        };
        host->emit_diagnostic(host->context, &diagnostic);
    }
    memcpy(rewritten + written, record->json + copied_to, record->length - copied_to);
    written += record->length - copied_to;
    if (host->emit_record) host->emit_record(host->context, record->line, rewritten, written);
    free(rewritten); /* datalint copied it */
    return DATALINT_OK;
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    record_edits edits = {.instance = instance};
    int status = DATALINT_OK;
    for (size_t i = 0; i < count && status == DATALINT_OK; i++) {
        string_values_status walked = string_values_walk(records[i].json, records[i].length, instance->fields,
                                                       instance->field_count, visit_string, &edits);
        if (walked == STRING_VALUES_OUT_OF_MEMORY)
            status = plugin_fail(instance->host, "whitespace-normalizer: out of memory at line %llu",
                          (unsigned long long)records[i].line + 1);
        /* A record that is not one JSON object is left as it is: the format stage reports it. */
        else if (walked == STRING_VALUES_OK && edits.count > 0)
            status = apply(instance, &records[i], &edits);
        clear_edits(&edits);
    }
    free(edits.edits);
    return status;
}

static const datalint_stage_descriptor descriptor = {
    .struct_size = sizeof(datalint_stage_descriptor),
    .abi_major = DATALINT_STAGE_ABI_MAJOR,
    .abi_minor = DATALINT_STAGE_ABI_MINOR,
    .name = "whitespace-normalizer",
    .version = "1.0.0",
    .description = "Trims and collapses white space in string values and composes them to NFC",
    /* The instance is read-only after create; a call of process keeps its state on its stack. */
    .capabilities = DATALINT_STAGE_CHECKS | DATALINT_STAGE_TRANSFORMS | DATALINT_STAGE_THREAD_SAFE,
    .configuration_schema = configuration_schema,
    .create = create,
    .process = process,
    .finish = NULL,
    .destroy = destroy,
};

__attribute__((visibility("default")))
const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
