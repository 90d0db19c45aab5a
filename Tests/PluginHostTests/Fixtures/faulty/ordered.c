/*
 * Test plugin for the plugin host's tests: a whole-dataset stage that must see its batches in file
 * order. It reports `ordered/out-of-order` at a record whose line is not after the previous one it saw, and in
 * `finish` reports `ordered/count` at the first record with how many records it saw, then starts over. It aborts on a
 * record containing "CRASH", so that tests can see what a restart costs a whole-dataset plugin, and in `finish` when
 * a record contained "BOOM".
 * Build: cc -shared -fPIC -I protocol -o libordered.so ordered.c
 */

#define FIXTURE_INSTANCE_FIELDS \
    long long last;             \
    unsigned long long seen;    \
    int abort_in_finish;
#include "fixture_stage.h"

#include <stdio.h>

static int create(const char *configuration, size_t length, const datalint_host *host, datalint_stage_instance **instance) {
    if (fixture_create(configuration, length, host, instance) != DATALINT_OK) return DATALINT_FAILED;
    (*instance)->last = -1;
    return DATALINT_OK;
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    for (size_t index = 0; index < count; index++) {
        if (fixture_contains(&records[index], "CRASH")) abort();
        if (fixture_contains(&records[index], "BOOM")) instance->abort_in_finish = 1;
        if ((long long)records[index].line <= instance->last) {
            fixture_report(instance->host, records[index].line, "ordered/out-of-order", DATALINT_SEVERITY_INFO, "out of order");
        }
        instance->last = (long long)records[index].line;
        instance->seen++;
    }
    return DATALINT_OK;
}

static int finish(datalint_stage_instance *instance) {
    if (instance->abort_in_finish) abort();
    char message[64];
    snprintf(message, sizeof message, "saw %llu records", instance->seen);
    fixture_report(instance->host, 0, "ordered/count", DATALINT_SEVERITY_INFO, message);
    instance->last = -1;
    instance->seen = 0;
    return DATALINT_OK;
}

FIXTURE_STAGE("ordered", "Checks that batches arrive in file order.", DATALINT_STAGE_CHECKS | DATALINT_STAGE_NEEDS_WHOLE_DATASET,
              create, process, finish)
