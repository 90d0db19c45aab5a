/*
 * wordlist-filter: a configurable word-list filter (issue 7's example of a C stage plugin using jansson).
 *
 * Every string value of a record (or only those under the configured keys) is case-folded and searched for the
 * configured words as whole words; each value holding a word gets a `wordlist-filter/match` diagnostic addressed by
 * the value's JSON Pointer. With "drop": true the record is also dropped from pipeline output.
 *
 * Configuration: {"words": ["..."], "drop": false, "severity": "warning", "fields": ["content", ...]}, every key
 * optional (see `configuration_schema` below).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "datalint_stage.h"
#include "json_pointer.h"
#include "plugin_fail.h"
#include "word_matcher.h"

/* A demonstration list, not a real toxicity lexicon: configure `words` for real use. */
static const char *const default_words[] = {
    "idiot", "moron", "imbecile", "stupid", "dumbass", "loser", "shut up", "kill yourself",
};

static const char configuration_schema[] =
    "{"
    "\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
    "\"title\":\"wordlist-filter configuration\","
    "\"type\":\"object\","
    "\"properties\":{"
    "\"words\":{\"description\":\"Words or short phrases to find, matched as whole words ignoring case "
    "(Unicode case folding). A small built-in list when absent.\","
    "\"type\":\"array\",\"items\":{\"type\":\"string\",\"minLength\":1}},"
    "\"drop\":{\"description\":\"Also drop matching records from pipeline output.\",\"type\":\"boolean\","
    "\"default\":false},"
    "\"severity\":{\"description\":\"Severity of wordlist-filter/match.\","
    "\"enum\":[\"error\",\"warning\",\"info\",\"hint\"],\"default\":\"warning\"},"
    "\"fields\":{\"description\":\"Only search string values under these keys (at any depth), e.g. "
    "[\\\"content\\\"]. Every string value when absent.\","
    "\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":1}"
    "},"
    "\"additionalProperties\":false"
    "}";

typedef struct key {
    char *bytes;
    size_t length;
} key;

struct datalint_stage_instance {
    const datalint_host *host; /* borrowed until destroy */
    word_matcher *words;
    bool drop;
    datalint_severity severity;
    key *fields;               /* NULL: every string value */
    size_t field_count;
};

static void destroy(datalint_stage_instance *instance) {
    if (!instance) return;
    word_matcher_destroy(instance->words);
    for (size_t i = 0; i < instance->field_count; i++) free(instance->fields[i].bytes);
    free(instance->fields);
    free(instance);
}

static int configure_words(datalint_stage_instance *instance, const json_t *words) {
    const char *error = NULL;
    if (!words) {
        for (size_t i = 0; i < sizeof default_words / sizeof *default_words; i++)
            if (!word_matcher_add(instance->words, default_words[i], strlen(default_words[i]), &error))
                return plugin_fail(instance->host, "wordlist-filter: %s", error);
        return DATALINT_OK;
    }
    if (!json_is_array(words))
        return plugin_fail(instance->host, "wordlist-filter: \"words\" must be an array of strings");
    size_t index;
    json_t *value;
    json_array_foreach(words, index, value) {
        if (!json_is_string(value))
            return plugin_fail(instance->host, "wordlist-filter: \"words\"[%zu] is not a string", index);
        if (!word_matcher_add(instance->words, json_string_value(value), json_string_length(value), &error))
            return plugin_fail(instance->host, "wordlist-filter: \"words\"[%zu]: %s", index, error);
    }
    return DATALINT_OK;
}

static int configure_fields(datalint_stage_instance *instance, const json_t *fields) {
    if (!fields) return DATALINT_OK;
    if (!json_is_array(fields))
        return plugin_fail(instance->host, "wordlist-filter: \"fields\" must be an array of key names");
    if (json_array_size(fields) == 0)
        return plugin_fail(instance->host, "wordlist-filter: \"fields\" is empty (leave it out to search every string value)");
    size_t count = json_array_size(fields);
    instance->fields = calloc(count ? count : 1, sizeof(key));
    if (!instance->fields) return plugin_fail(instance->host, "wordlist-filter: out of memory");
    size_t index;
    json_t *value;
    json_array_foreach(fields, index, value) {
        if (!json_is_string(value))
            return plugin_fail(instance->host, "wordlist-filter: \"fields\"[%zu] is not a string", index);
        size_t length = json_string_length(value);
        char *bytes = malloc(length ? length : 1);
        if (!bytes) return plugin_fail(instance->host, "wordlist-filter: out of memory");
        memcpy(bytes, json_string_value(value), length);
        instance->fields[instance->field_count++] = (key){bytes, length};
    }
    return DATALINT_OK;
}

static int configure(datalint_stage_instance *instance, const json_t *configuration) {
    const char *name;
    json_t *value;
    json_object_foreach((json_t *)configuration, name, value) {
        if (strcmp(name, "words") && strcmp(name, "drop") && strcmp(name, "severity") && strcmp(name, "fields"))
            return plugin_fail(instance->host,
                        "wordlist-filter: unknown configuration key \"%s\" (known: words, drop, severity, fields)",
                        name);
    }
    if (configure_words(instance, json_object_get(configuration, "words")) != DATALINT_OK) return DATALINT_FAILED;
    if (configure_fields(instance, json_object_get(configuration, "fields")) != DATALINT_OK) return DATALINT_FAILED;

    json_t *drop = json_object_get(configuration, "drop");
    if (drop && !json_is_boolean(drop)) return plugin_fail(instance->host, "wordlist-filter: \"drop\" must be true or false");
    instance->drop = drop && json_is_true(drop);

    json_t *severity = json_object_get(configuration, "severity");
    instance->severity = DATALINT_SEVERITY_WARNING;
    if (severity) {
        static const char *const names[] = {"error", "warning", "info", "hint"};
        const char *text = json_string_value(severity); /* NULL when not a string */
        int found = 0;
        for (int i = 0; text && i < 4; i++)
            if (!strcmp(text, names[i])) found = i + 1; /* datalint_severity counts from 1 in this order */
        if (!found)
            return plugin_fail(instance->host,
                        "wordlist-filter: \"severity\" must be \"error\", \"warning\", \"info\" or \"hint\"");
        instance->severity = (datalint_severity)found;
    }
    return DATALINT_OK;
}

static int create(const char *configuration, size_t configuration_length, const datalint_host *host,
                  datalint_stage_instance **instance_out) {
    /* The services used below all exist in ABI 1.0; a smaller table is not a 1.x host. */
    if (!host || host->struct_size < offsetof(datalint_host, fail) + sizeof host->fail) return DATALINT_FAILED;

    json_error_t error;
    json_t *root = json_loadb(configuration, configuration_length, 0, &error);
    if (!root)
        return plugin_fail(host, "wordlist-filter: configuration is not JSON: %s (column %d)", error.text, error.column);
    if (!json_is_object(root)) {
        json_decref(root);
        return plugin_fail(host, "wordlist-filter: configuration must be a JSON object");
    }

    datalint_stage_instance *instance = calloc(1, sizeof *instance);
    if (!instance || !(instance->words = word_matcher_create())) {
        free(instance);
        json_decref(root);
        return plugin_fail(host, "wordlist-filter: out of memory");
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

/* What one record's walk needs; `matched_word` is the first word found, for the drop reason. */
typedef struct walk {
    const datalint_stage_instance *instance;
    uint64_t line;
    json_pointer pointer;
    word_match_text folded;
    const char *matched_word;
    bool out_of_memory;
} walk;

static bool is_field(const datalint_stage_instance *instance, const char *name, size_t length) {
    for (size_t i = 0; i < instance->field_count; i++)
        if (instance->fields[i].length == length && !memcmp(instance->fields[i].bytes, name, length)) return true;
    return false;
}

static void report(walk *walk, size_t word_index) {
    const datalint_stage_instance *instance = walk->instance;
    const char *word = word_matcher_word(instance->words, word_index);
    /* Sized to the word so a long word is never cut in the middle of a UTF-8 sequence. */
    size_t size = strlen(word) + 64;
    char *message = malloc(size);
    if (!message) { walk->out_of_memory = true; return; }
    snprintf(message, size, "contains \"%s\", which is on the word list", word);
    datalint_diagnostic diagnostic = {
        .struct_size = sizeof diagnostic,
        .line = walk->line,
        .code = "wordlist-filter/match",
        .severity = instance->severity,
        .message = message,
        .json_pointer = json_pointer_string(&walk->pointer),
        .byte_start = -1,
        .byte_end = -1,
    };
    instance->host->emit_diagnostic(instance->host->context, &diagnostic);
    free(message); /* datalint copied it */
    if (!walk->matched_word) walk->matched_word = word;
}

static void visit(walk *walk, const json_t *value, bool selected) {
    if (walk->out_of_memory) return;
    const datalint_stage_instance *instance = walk->instance;
    if (json_is_string(value)) {
        if (!selected) return;
        /* Text that is not valid UTF-8 cannot be folded; the format stage reports it. */
        if (!word_match_text_fold(&walk->folded, json_string_value(value), json_string_length(value))) return;
        for (size_t i = 0; i < word_matcher_count(instance->words); i++)
            if (word_matcher_matches(instance->words, i, &walk->folded)) report(walk, i);
    } else if (json_is_object(value)) {
        const char *name;
        size_t name_length;
        json_t *child;
        json_object_keylen_foreach((json_t *)value, name, name_length, child) {
            size_t saved = json_pointer_push_key(&walk->pointer, name, name_length);
            if (saved == (size_t)-1) { walk->out_of_memory = true; return; }
            visit(walk, child, selected || is_field(instance, name, name_length));
            json_pointer_pop(&walk->pointer, saved);
        }
    } else if (json_is_array(value)) {
        size_t index;
        json_t *child;
        json_array_foreach(value, index, child) {
            size_t saved = json_pointer_push_index(&walk->pointer, index);
            if (saved == (size_t)-1) { walk->out_of_memory = true; return; }
            visit(walk, child, selected);
            json_pointer_pop(&walk->pointer, saved);
        }
    }
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    walk walk = {.instance = instance};
    json_pointer_init(&walk.pointer);
    int status = DATALINT_OK;
    for (size_t i = 0; i < count && status == DATALINT_OK; i++) {
        /* JSON_ALLOW_NUL: "\u0000" in a string is valid JSON. JSON_DECODE_INT_AS_REAL: integers beyond 64 bits are
           valid JSON too, and jansson refuses them otherwise; the numbers are never looked at. */
        json_t *record = json_loadb(records[i].json, records[i].length, JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL,
                                    NULL);
        /* Not JSON (the format stage reports it), or keys holding U+0000, which jansson does not support (and a
           NUL-terminated JSON Pointer could not name): nothing to search. */
        if (!record) continue;
        walk.line = records[i].line;
        walk.matched_word = NULL;
        visit(&walk, record, instance->field_count == 0);
        if (walk.out_of_memory) {
            status = plugin_fail(instance->host, "wordlist-filter: out of memory at line %llu",
                          (unsigned long long)records[i].line + 1);
        } else if (instance->drop && walk.matched_word && instance->host->drop_record) {
            size_t size = strlen(walk.matched_word) + 64;
            char *reason = malloc(size);
            if (reason) snprintf(reason, size, "contains \"%s\", which is on the word list", walk.matched_word);
            instance->host->drop_record(instance->host->context, records[i].line,
                                        reason ? reason : "contains a word on the word list");
            free(reason);
        }
        json_decref(record);
    }
    word_match_text_clear(&walk.folded);
    json_pointer_free(&walk.pointer);
    return status;
}

static const datalint_stage_descriptor descriptor = {
    .struct_size = sizeof(datalint_stage_descriptor),
    .abi_major = DATALINT_STAGE_ABI_MAJOR,
    .abi_minor = DATALINT_STAGE_ABI_MINOR,
    .name = "wordlist-filter",
    .version = "1.0.0",
    .description = "Finds words of a configurable list in string values, ignoring case, and can drop the records",
    /* The instance is read-only after create, and each call of process keeps its state on the stack. */
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
