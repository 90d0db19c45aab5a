/*
 * Faulty stage plugin for the plugin host's tests: for every record, a diagnostic for a line that is not in the batch,
 * one with a NULL message, a debugging printf to standard output (which must not reach datalint's pipe), and, on a
 * record containing "FORK", a forked child that sleeps forever (which must not outlive the worker or hold datalint's
 * output open). Build: cc -shared -fPIC -I protocol -o libmisreport.so misreport.c
 */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datalint_stage.h"

struct datalint_stage_instance {
    const datalint_host *host;
};

static int create(const char *configuration, size_t length, const datalint_host *host, datalint_stage_instance **instance) {
    (void)configuration, (void)length;
    *instance = calloc(1, sizeof **instance);
    if (*instance == NULL) return DATALINT_FAILED;
    (*instance)->host = host;
    return DATALINT_OK;
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    printf("debugging output on stdout\n");
    fflush(stdout);
    for (size_t index = 0; index < count; index++) {
        datalint_diagnostic diagnostic = {0};
        diagnostic.struct_size = sizeof diagnostic;
        diagnostic.line = records[index].line + 100000;
        diagnostic.code = "misreport/elsewhere";
        diagnostic.severity = DATALINT_SEVERITY_WARNING;
        diagnostic.message = "a finding about some other record";
        diagnostic.byte_start = diagnostic.byte_end = -1;
        instance->host->emit_diagnostic(instance->host->context, &diagnostic);
        diagnostic.line = records[index].line;
        diagnostic.message = NULL;
        instance->host->emit_diagnostic(instance->host->context, &diagnostic);
        if (memmem(records[index].json, records[index].length, "FORK", 4) && fork() == 0) {
            for (;;) sleep(1);
        }
    }
    return DATALINT_OK;
}

static void destroy(datalint_stage_instance *instance) { free(instance); }

static const datalint_stage_descriptor descriptor = {
    sizeof(datalint_stage_descriptor), DATALINT_STAGE_ABI_MAJOR, DATALINT_STAGE_ABI_MINOR, "misreport", "1.0",
    "Reports about records it was not given, prints to stdout and forks.", DATALINT_STAGE_CHECKS, NULL,
    create, process, NULL, destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
