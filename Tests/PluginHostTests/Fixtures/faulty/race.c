/*
 * Faulty stage plugin for the plugin host's tests: emits diagnostics and log lines from 8 threads at once inside
 * each `process` call, as the ABI allows (host services may be called concurrently). The host must collect all of
 * them without corrupting its state. Build: cc -shared -fPIC -pthread -I protocol -o librace.so race.c
 */
#include <pthread.h>
#include <stdlib.h>

#include "datalint_stage.h"

struct datalint_stage_instance {
    const datalint_host *host;
};

typedef struct job {
    datalint_stage_instance *instance;
    uint64_t line;
} job;

static void *emit(void *argument) {
    job *work = argument;
    for (int round = 0; round < 50; round++) {
        datalint_diagnostic diagnostic = {0};
        diagnostic.struct_size = sizeof diagnostic;
        diagnostic.line = work->line;
        diagnostic.code = "race/finding";
        diagnostic.severity = DATALINT_SEVERITY_INFO;
        diagnostic.message = "from a thread";
        diagnostic.byte_start = diagnostic.byte_end = -1;
        work->instance->host->emit_diagnostic(work->instance->host->context, &diagnostic);
        work->instance->host->log(work->instance->host->context, DATALINT_LOG_DEBUG, "a log line from a thread");
    }
    return NULL;
}

static int create(const char *configuration, size_t length, const datalint_host *host, datalint_stage_instance **instance) {
    (void)configuration, (void)length;
    *instance = calloc(1, sizeof **instance);
    if (*instance == NULL) return DATALINT_FAILED;
    (*instance)->host = host;
    return DATALINT_OK;
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    if (count == 0) return DATALINT_OK;
    pthread_t threads[8];
    int started[8] = {0};
    job work = {instance, records[0].line};
    for (int index = 0; index < 8; index++) started[index] = pthread_create(&threads[index], NULL, emit, &work) == 0;
    for (int index = 0; index < 8; index++) {
        if (started[index]) pthread_join(threads[index], NULL);
    }
    return DATALINT_OK;
}

static void destroy(datalint_stage_instance *instance) { free(instance); }

static const datalint_stage_descriptor descriptor = {
    sizeof(datalint_stage_descriptor), DATALINT_STAGE_ABI_MAJOR, DATALINT_STAGE_ABI_MINOR, "race", "1.0",
    "Calls the host's services from eight threads at once.", DATALINT_STAGE_CHECKS, NULL, create, process, NULL, destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
