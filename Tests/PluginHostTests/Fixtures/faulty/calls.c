/*
 * Test plugin for the editor's tests: a stage that judges each record alone and says, on every record it is given,
 * which call of `process` gave it ("call 2") — so a test sees which records were sent again after an edit.
 * Build: cc -shared -fPIC -I protocol -o libcalls.so calls.c
 */
#include "fixture_stage.h"

#include <stdio.h>

/* One instance per worker process is all the editor makes: the count can live here. */
static unsigned long long calls;

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    char message[32];
    snprintf(message, sizeof message, "call %llu", ++calls);
    for (size_t index = 0; index < count; index++)
        fixture_report(instance->host, records[index].line, "calls/seen", DATALINT_SEVERITY_HINT, message);
    return DATALINT_OK;
}

FIXTURE_STAGE("calls", "Says which call of process gave it each record.", DATALINT_STAGE_CHECKS, fixture_create, process, NULL)
