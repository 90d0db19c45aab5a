/*
 * What the test plugins of this folder share, so that each file shows only the behaviour it stands for: an instance
 * that keeps the host, a marker test, a whole-record finding, and the descriptor with its entry point. (The example
 * plugins in plugins/ spell all of this out instead: they are written to be read by plugin authors.)
 * Include it first: it asks for memmem.
 */
#ifndef FIXTURE_STAGE_H
#define FIXTURE_STAGE_H

#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "datalint_stage.h"

/* A plugin with state of its own defines FIXTURE_INSTANCE_FIELDS (its fields, declared) before including this. */
#ifndef FIXTURE_INSTANCE_FIELDS
#define FIXTURE_INSTANCE_FIELDS
#endif

struct datalint_stage_instance {
    const datalint_host *host;
    FIXTURE_INSTANCE_FIELDS
};

static inline int fixture_create(const char *configuration, size_t length, const datalint_host *host,
                                 datalint_stage_instance **instance) {
    (void)configuration, (void)length;
    *instance = calloc(1, sizeof **instance);
    if (*instance == NULL) return DATALINT_FAILED;
    (*instance)->host = host;
    return DATALINT_OK;
}

static inline void fixture_destroy(datalint_stage_instance *instance) { free(instance); }

/* Whether the record's JSON text contains `marker`: test records carry words such as "CRASH" that set a fault off. */
static inline int fixture_contains(const datalint_record *record, const char *marker) {
    return memmem(record->json, record->length, marker, strlen(marker)) != NULL;
}

/* A finding about the whole record of `line`. */
static inline void fixture_report(const datalint_host *host, uint64_t line, const char *code, int severity,
                                  const char *message) {
    datalint_diagnostic diagnostic = {0};
    diagnostic.struct_size = sizeof diagnostic;
    diagnostic.line = line;
    diagnostic.code = code;
    diagnostic.severity = severity;
    diagnostic.message = message;
    diagnostic.byte_start = diagnostic.byte_end = -1;
    host->emit_diagnostic(host->context, &diagnostic);
}

/* The descriptor of a stage at ABI version 1.0 without configuration, and the entry point that returns it. */
#define FIXTURE_STAGE(stage_name, stage_description, stage_capabilities, create_function, process_function, \
                      finish_function)                                                                      \
    static const datalint_stage_descriptor descriptor = {                                                   \
        .struct_size = sizeof(datalint_stage_descriptor),                                                   \
        .abi_major = DATALINT_STAGE_ABI_MAJOR,                                                              \
        .abi_minor = DATALINT_STAGE_ABI_MINOR,                                                              \
        .name = stage_name,                                                                                 \
        .version = "1.0",                                                                                   \
        .description = stage_description,                                                                   \
        .capabilities = stage_capabilities,                                                                 \
        .create = create_function,                                                                          \
        .process = process_function,                                                                        \
        .finish = finish_function,                                                                          \
        .destroy = fixture_destroy,                                                                         \
    };                                                                                                      \
    const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {                        \
        return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;                             \
    }

#endif
