/*
 * Faulty stage plugin for the plugin host's tests: calls abort() (SIGABRT) in process on a record containing "ABORT".
 * Records without "ABORT" pass untouched, so a test can check that the host reports the record concerned and goes on
 * with the rest. Build: cc -shared -fPIC -I protocol -o libabort.so abort.c
 */

#include "fixture_stage.h"

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    (void)instance;
    for (size_t i = 0; i < count; i++)
        if (fixture_contains(&records[i], "ABORT")) abort();
    return DATALINT_OK;
}

FIXTURE_STAGE("abort", "Aborts on records containing ABORT", DATALINT_STAGE_CHECKS, fixture_create, process, NULL)
