/*
 * Faulty stage plugin for the plugin host's tests: emits diagnostics and log lines from 8 threads at once inside
 * each `process` call, as the ABI allows (host services may be called concurrently). The host must collect all of
 * them without corrupting its state. Build: cc -shared -fPIC -pthread -I protocol -o librace.so race.c
 */
#include "fixture_stage.h"

#include <pthread.h>

typedef struct job {
    datalint_stage_instance *instance;
    uint64_t line;
} job;

static void *emit(void *argument) {
    job *work = argument;
    const datalint_host *host = work->instance->host;
    for (int round = 0; round < 50; round++) {
        fixture_report(host, work->line, "race/finding", DATALINT_SEVERITY_INFO, "from a thread");
        host->log(host->context, DATALINT_LOG_DEBUG, "a log line from a thread");
    }
    return NULL;
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

FIXTURE_STAGE("race", "Calls the host's services from eight threads at once.", DATALINT_STAGE_CHECKS, fixture_create,
              process, NULL)
