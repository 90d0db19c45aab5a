/*
 * Faulty stage plugin for the plugin host's tests: never returns from process on a record containing "LOOP" (the host's time limit must end it).
 * Records without "LOOP" pass untouched, so a test can check that the host reports the record concerned and goes on
 * with the rest. Build: cc -shared -fPIC -I protocol -o libinfinite-loop.so infinite-loop.c
 */

#include "fixture_stage.h"

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    (void)instance;
    for (size_t i = 0; i < count; i++)
        if (fixture_contains(&records[i], "LOOP")) {
            /* volatile: a loop without side effects may be assumed to terminate, and be removed. */
            for (volatile unsigned long spins = 0;; spins++) {
            }
        }
    return DATALINT_OK;
}

FIXTURE_STAGE("infinite-loop", "Never returns on records containing LOOP", DATALINT_STAGE_CHECKS, fixture_create, process,
              NULL)
