/*
 * Test plugin for the plugin host's tests: a whole-dataset stage that must see its batches in file
 * order. It reports `ordered/out-of-order` at a record whose line is not after the previous one it saw, and in
 * `finish` reports `ordered/count` at the first record with how many records it saw, then starts over. It aborts on a
 * record containing "CRASH", so that tests can see what a restart costs a whole-dataset plugin, and in `finish` when
 * a record contained "BOOM".
 * Build: cc -shared -fPIC -I protocol -o libordered.so ordered.c
 */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datalint_stage.h"

struct datalint_stage_instance {
    const datalint_host *host;
    long long last;
    unsigned long long seen;
    int abort_in_finish;
};

static int create(const char *configuration, size_t length, const datalint_host *host, datalint_stage_instance **instance) {
    (void)configuration, (void)length;
    *instance = calloc(1, sizeof **instance);
    if (*instance == NULL) return DATALINT_FAILED;
    (*instance)->host = host;
    (*instance)->last = -1;
    return DATALINT_OK;
}

static void report(datalint_stage_instance *instance, uint64_t line, const char *code, const char *message) {
    datalint_diagnostic diagnostic = {0};
    diagnostic.struct_size = sizeof diagnostic;
    diagnostic.line = line;
    diagnostic.code = code;
    diagnostic.severity = DATALINT_SEVERITY_INFO;
    diagnostic.message = message;
    diagnostic.byte_start = diagnostic.byte_end = -1;
    instance->host->emit_diagnostic(instance->host->context, &diagnostic);
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    for (size_t index = 0; index < count; index++) {
        if (memmem(records[index].json, records[index].length, "CRASH", 5)) abort();
        if (memmem(records[index].json, records[index].length, "BOOM", 4)) instance->abort_in_finish = 1;
        if ((long long)records[index].line <= instance->last) report(instance, records[index].line, "ordered/out-of-order", "out of order");
        instance->last = (long long)records[index].line;
        instance->seen++;
    }
    return DATALINT_OK;
}

static int finish(datalint_stage_instance *instance) {
    if (instance->abort_in_finish) abort();
    char message[64];
    snprintf(message, sizeof message, "saw %llu records", instance->seen);
    report(instance, 0, "ordered/count", message);
    instance->last = -1;
    instance->seen = 0;
    return DATALINT_OK;
}

static void destroy(datalint_stage_instance *instance) { free(instance); }

static const datalint_stage_descriptor descriptor = {
    sizeof(datalint_stage_descriptor), DATALINT_STAGE_ABI_MAJOR, DATALINT_STAGE_ABI_MINOR, "ordered", "1.0",
    "Checks that batches arrive in file order.", DATALINT_STAGE_CHECKS | DATALINT_STAGE_NEEDS_WHOLE_DATASET, NULL,
    create, process, finish, destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
